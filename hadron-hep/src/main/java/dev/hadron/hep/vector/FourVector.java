package dev.hadron.hep.vector;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.function.UnaryOperator;

/**
 * Lorentz four-vectors stored as tensors of any shape: one four-vector per element, with every kinematic
 * quantity computed for the whole tensor at once from differentiable tensor ops. Names follow scikit-hep
 * {@code vector} and ROOT's {@code TLorentzVector}: {@link #px()}, {@link #pt()}, {@link #eta()},
 * {@link #phi()}, {@link #mass()}, {@link #rapidity()}, {@link #deltaR}, {@link #deltaPhi}, {@link #boost},
 * {@link #boostCMOfP4}...
 *
 * <p>Like {@code vector}, a four-vector remembers the coordinates it was built from: one made with
 * {@link #fromPtEtaPhiM} returns its mass, pt, η and φ exactly (no round trip through px, py, pz, E), and
 * converts to Cartesian components only when asked. Sums and boosts work in Cartesian components.
 *
 * <p>Conventions: energies and momenta in GeV; φ in (−π, π]; η is the pseudorapidity
 * {@code asinh(pz/pt)} (±∞ along the beam, where pt = 0); the rapidity is {@code asinh(pz/mT)}; a
 * space-like vector (mass² &lt; 0 from rounding) has a negative {@link #mass()}, as in ROOT. Float32 loses
 * the mass of light, energetic objects to cancellation in E² − p²; use float64 tensors when that matters.
 * Derivatives are exact except where the quantity itself is singular: φ and η at pt = 0, the mass at
 * mass = 0 (infinite slope).
 *
 * <pre>{@code
 * FourVector mu = FourVector.fromPtEtaPhiM(Tensor.of(45.0, 38.0), Tensor.of(0.3, -1.1),
 *         Tensor.of(0.5, -2.6), Tensor.of(0.10566, 0.10566));
 * Tensor mll = mu.sum(0).mass();            // invariant mass of the pair
 * Tensor dr = mu.select(0).deltaR(mu.select(1));
 * }</pre>
 */
public final class FourVector {
    private final boolean cylindrical;
    private final Tensor a;
    private final Tensor b;
    private final Tensor c;
    private final Tensor d;

    private FourVector(boolean cylindrical, Tensor a, Tensor b, Tensor c, Tensor d) {
        this.cylindrical = cylindrical;
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
    }

    private static FourVector make(String op, boolean cylindrical, String[] names, Tensor... parts) {
        DType dtype = null;
        int[] shape = null;
        for (int i = 0; i < 4; i++) {
            if (parts[i] == null) {
                throw new NullPointerException(op + ": " + names[i] + " is null");
            }
            DType t = parts[i].dtype().isFloatingPoint() ? parts[i].dtype() : DType.FLOAT32;
            dtype = dtype == null ? t : (dtype == DType.FLOAT64 || t == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32);
            try {
                shape = shape == null ? parts[i].shape() : Shape.broadcast(op, shape, parts[i].shape());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(op + ": the shapes of " + String.join(", ", names) + " do not broadcast: "
                        + Shape.toString(parts[0].shape()) + ", " + Shape.toString(parts[1].shape()) + ", "
                        + Shape.toString(parts[2].shape()) + ", " + Shape.toString(parts[3].shape()), e);
            }
        }
        Tensor[] out = new Tensor[4];
        for (int i = 0; i < 4; i++) {
            Tensor t = parts[i].dtype() == dtype ? parts[i] : parts[i].to(dtype);
            out[i] = java.util.Arrays.equals(t.shape(), shape) ? t : t.broadcastTo(shape);
        }
        return new FourVector(cylindrical, out[0], out[1], out[2], out[3]);
    }

    // ------------------------------------------------------------------ construction

    /** Four-vectors from Cartesian components (broadcast to a common shape). */
    public static FourVector fromPxPyPzE(Tensor px, Tensor py, Tensor pz, Tensor e) {
        return make("FourVector.fromPxPyPzE", false, new String[] {"px", "py", "pz", "E"}, px, py, pz, e);
    }

    /** Four-vectors from the momentum and the mass: {@code E = sqrt(p² + m²)}. */
    public static FourVector fromPxPyPzM(Tensor px, Tensor py, Tensor pz, Tensor m) {
        FourVector v = make("FourVector.fromPxPyPzM", false, new String[] {"px", "py", "pz", "m"}, px, py, pz, m);
        Tensor e = v.a.square().add(v.b.square()).add(v.c.square()).add(v.d.square()).sqrt();
        return new FourVector(false, v.a, v.b, v.c, e);
    }

    /** Four-vectors from transverse momentum, pseudorapidity, azimuth and mass (the collider coordinates). */
    public static FourVector fromPtEtaPhiM(Tensor pt, Tensor eta, Tensor phi, Tensor m) {
        return make("FourVector.fromPtEtaPhiM", true, new String[] {"pt", "eta", "phi", "m"}, pt, eta, phi, m);
    }

    /** Four-vectors from pt, η, φ and the energy: the mass is {@code signedSqrt(E² − (pt·cosh η)²)}. */
    public static FourVector fromPtEtaPhiE(Tensor pt, Tensor eta, Tensor phi, Tensor e) {
        FourVector v = make("FourVector.fromPtEtaPhiE", true, new String[] {"pt", "eta", "phi", "E"}, pt, eta, phi, e);
        Tensor p = v.a.mul(v.b.cosh());
        Tensor m = Kinematics.signedSqrt(v.d.sub(p).mul(v.d.add(p)));
        return new FourVector(true, v.a, v.b, v.c, m);
    }

    /** Four-vectors from a tensor whose last dimension holds (px, py, pz, E). */
    public static FourVector fromTensor(Tensor pxPyPzE) {
        checkLast4("FourVector.fromTensor", pxPyPzE);
        int last = pxPyPzE.dim() - 1;
        return fromPxPyPzE(pxPyPzE.select(last, 0), pxPyPzE.select(last, 1), pxPyPzE.select(last, 2),
                pxPyPzE.select(last, 3));
    }

    /** Four-vectors from a tensor whose last dimension holds (pt, η, φ, m). */
    public static FourVector fromPtEtaPhiMTensor(Tensor ptEtaPhiM) {
        checkLast4("FourVector.fromPtEtaPhiMTensor", ptEtaPhiM);
        int last = ptEtaPhiM.dim() - 1;
        return fromPtEtaPhiM(ptEtaPhiM.select(last, 0), ptEtaPhiM.select(last, 1), ptEtaPhiM.select(last, 2),
                ptEtaPhiM.select(last, 3));
    }

    private static void checkLast4(String op, Tensor t) {
        if (t.dim() == 0 || t.size(t.dim() - 1) != 4) {
            throw new IllegalArgumentException(op + ": expected a tensor whose last dimension has 4 components, got shape "
                    + Shape.toString(t.shape()));
        }
    }

    /** One float64 four-vector (a 0-d tensor per component). */
    public static FourVector of(double px, double py, double pz, double e) {
        return fromPxPyPzE(Tensor.scalar(DType.FLOAT64, px), Tensor.scalar(DType.FLOAT64, py),
                Tensor.scalar(DType.FLOAT64, pz), Tensor.scalar(DType.FLOAT64, e));
    }

    // ------------------------------------------------------------------ structure

    /** The common shape of the components. */
    public int[] shape() {
        return a.shape();
    }

    /** The floating-point dtype of the components. */
    public DType dtype() {
        return a.dtype();
    }

    /** True when built from (pt, η, φ, m) and not yet converted. */
    public boolean isPtEtaPhiM() {
        return cylindrical;
    }

    /** The same transformation applied to all four components (indexing, reshaping, slicing...). */
    public FourVector map(UnaryOperator<Tensor> f) {
        return new FourVector(cylindrical, f.apply(a), f.apply(b), f.apply(c), f.apply(d));
    }

    /** The four-vectors at {@code index} along dimension 0. */
    public FourVector select(int index) {
        return map(t -> t.select(0, index));
    }

    /** Detached copies of the components (no gradient history). */
    public FourVector detach() {
        return map(Tensor::detach);
    }

    /** The same four-vectors in another floating-point dtype. */
    public FourVector to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("FourVector.to: expected a floating-point dtype, got " + dtype);
        }
        return map(t -> t.to(dtype));
    }

    /** Cartesian form (px, py, pz, E); this vector itself when already Cartesian. */
    public FourVector toCartesian() {
        return cylindrical ? new FourVector(false, px(), py(), pz(), e()) : this;
    }

    /** Stacked components (..., 4) as (px, py, pz, E). */
    public Tensor toTensor() {
        return Tensor.stack(-1, px(), py(), pz(), e());
    }

    /** Stacked components (..., 4) as (pt, η, φ, m). */
    public Tensor toPtEtaPhiMTensor() {
        return Tensor.stack(-1, pt(), eta(), phi(), mass());
    }

    // ------------------------------------------------------------------ components

    /** x component of the momentum. */
    public Tensor px() {
        return cylindrical ? a.mul(c.cos()) : a;
    }

    /** y component of the momentum. */
    public Tensor py() {
        return cylindrical ? a.mul(c.sin()) : b;
    }

    /** z component of the momentum (along the beam). */
    public Tensor pz() {
        return cylindrical ? a.mul(b.sinh()) : c;
    }

    /** Energy ({@code E} in vector, {@code E()} in ROOT). */
    public Tensor e() {
        return cylindrical ? a.mul(b.cosh()).square().add(mass2()).sqrt() : d;
    }

    /** Transverse momentum squared. */
    public Tensor pt2() {
        return cylindrical ? a.square() : a.square().add(b.square());
    }

    /** Transverse momentum {@code sqrt(px² + py²)}. */
    public Tensor pt() {
        return cylindrical ? a : pt2().sqrt();
    }

    /** Momentum magnitude squared. */
    public Tensor p2() {
        return cylindrical ? a.mul(b.cosh()).square() : a.square().add(b.square()).add(c.square());
    }

    /** Momentum magnitude |p|. */
    public Tensor p() {
        return cylindrical ? a.mul(b.cosh()) : p2().sqrt();
    }

    /** Azimuth in (−π, π]. */
    public Tensor phi() {
        return cylindrical ? Kinematics.wrapPhi(c) : b.atan2(a);
    }

    /** Pseudorapidity {@code asinh(pz / pt)}. */
    public Tensor eta() {
        return cylindrical ? b : Kinematics.asinh(c.div(pt()));
    }

    /** Polar angle from the +z axis, in [0, π]. */
    public Tensor theta() {
        return pt().atan2(pz());
    }

    /** Invariant mass squared {@code E² − p²}. */
    public Tensor mass2() {
        return cylindrical ? d.mul(d.abs()) : d.square().sub(p2());
    }

    /** Invariant mass; negative for space-like vectors ({@code −sqrt(−m²)}, ROOT's convention). */
    public Tensor mass() {
        return cylindrical ? d : Kinematics.signedSqrt(mass2());
    }

    /** Transverse mass squared {@code m² + pt²} (ROOT's {@code Mt2} is E² − pz², the same thing). */
    public Tensor mt2() {
        return mass2().add(pt2());
    }

    /** Transverse mass {@code sqrt(m² + pt²)}. */
    public Tensor mt() {
        return Kinematics.signedSqrt(mt2());
    }

    /** Transverse energy {@code E·pt/p}. */
    public Tensor et() {
        return e().mul(pt()).div(p());
    }

    /**
     * Rapidity {@code asinh(pz / sqrt(pt² + max(m², 0)))}, equal to ½ ln((E + pz)/(E − pz)) but without its
     * cancellation; equal to η for massless vectors.
     */
    public Tensor rapidity() {
        Tensor mt = pt2().add(mass2().clampMin(0)).sqrt();
        return Kinematics.asinh(pz().div(mt));
    }

    /** Velocity |p| / E. */
    public Tensor beta() {
        return p().div(e());
    }

    /** Lorentz factor E / m. */
    public Tensor gamma() {
        return e().div(mass());
    }

    // ------------------------------------------------------------------ algebra

    /** Element-wise sum of four-vectors (broadcast), in Cartesian components. */
    public FourVector add(FourVector other) {
        return fromPxPyPzE(px().add(other.px()), py().add(other.py()), pz().add(other.pz()), e().add(other.e()));
    }

    /** Element-wise difference of four-vectors (broadcast). */
    public FourVector sub(FourVector other) {
        return fromPxPyPzE(px().sub(other.px()), py().sub(other.py()), pz().sub(other.pz()), e().sub(other.e()));
    }

    /** All four components multiplied by {@code factor}. */
    public FourVector scale(double factor) {
        return cylindrical ? new FourVector(true, a.mul(factor), b, c, d.mul(factor))
                : new FourVector(false, a.mul(factor), b.mul(factor), c.mul(factor), d.mul(factor));
    }

    /** Sum over dimension {@code dim} (e.g. the particles of each event in a dense (events, particles) block). */
    public FourVector sum(int dim) {
        return sum(dim, false);
    }

    /** Sum over dimension {@code dim}, optionally keeping it with size 1. */
    public FourVector sum(int dim, boolean keepdim) {
        return fromPxPyPzE(px().sum(dim, keepdim), py().sum(dim, keepdim), pz().sum(dim, keepdim), e().sum(dim, keepdim));
    }

    /** Minkowski product {@code E1·E2 − p1·p2} (metric +,−,−,−). */
    public Tensor dot(FourVector other) {
        return e().mul(other.e()).sub(px().mul(other.px())).sub(py().mul(other.py())).sub(pz().mul(other.pz()));
    }

    // ------------------------------------------------------------------ angular distances

    /** φ(this) − φ(other) wrapped into (−π, π]. */
    public Tensor deltaPhi(FourVector other) {
        return Kinematics.deltaPhi(phi(), other.phi());
    }

    /** η(this) − η(other). */
    public Tensor deltaEta(FourVector other) {
        return eta().sub(other.eta());
    }

    /** Rapidity difference. */
    public Tensor deltaRapidity(FourVector other) {
        return rapidity().sub(other.rapidity());
    }

    /** {@code Δη² + Δφ²}. */
    public Tensor deltaR2(FourVector other) {
        return Kinematics.deltaR2(eta(), phi(), other.eta(), other.phi());
    }

    /** {@code sqrt(Δη² + Δφ²)} (ROOT's {@code DeltaR}, vector's {@code deltaR}); derivative 0 at distance 0. */
    public Tensor deltaR(FourVector other) {
        return Kinematics.safeSqrt(deltaR2(other));
    }

    /** {@code Δy² + Δφ²} with the rapidity y, the distance jet algorithms use. */
    public Tensor deltaRapidityPhi2(FourVector other) {
        return Kinematics.deltaR2(rapidity(), phi(), other.rapidity(), other.phi());
    }

    /** {@code sqrt(Δy² + Δφ²)} (vector's {@code deltaRapidityPhi}, FastJet's {@code delta_R}). */
    public Tensor deltaRapidityPhi(FourVector other) {
        return Kinematics.safeSqrt(deltaRapidityPhi2(other));
    }

    // ------------------------------------------------------------------ boosts

    /** The velocity {@code p/E} as a (..., 3) tensor (ROOT's {@code BoostVector}). */
    public Tensor boostVector() {
        Tensor e = e();
        return Tensor.stack(-1, px().div(e), py().div(e), pz().div(e));
    }

    /**
     * The four-vectors seen from a frame moving with velocity −β, i.e. boosted by β (ROOT's
     * {@code Boost(bx, by, bz)}); {@code beta} has shape (..., 3) broadcastable against this vector's shape.
     * Uses {@code (γ − 1)/β² = γ²/(γ + 1)}, so the result and its derivatives are smooth at β = 0.
     *
     * @throws IllegalArgumentException if some |β| ≥ 1
     */
    public FourVector boost(Tensor beta) {
        if (beta.dim() == 0 || beta.size(beta.dim() - 1) != 3) {
            throw new IllegalArgumentException("FourVector.boost: beta must have a last dimension of 3 (bx, by, bz), got shape "
                    + Shape.toString(beta.shape()));
        }
        int last = beta.dim() - 1;
        return boost(beta.select(last, 0), beta.select(last, 1), beta.select(last, 2));
    }

    /** Boost by the velocity (bx, by, bz) (broadcast); see {@link #boost(Tensor)}. */
    public FourVector boost(Tensor bx, Tensor by, Tensor bz) {
        Tensor b2 = bx.square().add(by.square()).add(bz.square());
        double worst = b2.detach().max().item();
        if (!(worst < 1)) {
            throw new IllegalArgumentException("FourVector.boost: |beta| must be < 1, got |beta|^2 = " + worst);
        }
        Tensor x = px();
        Tensor y = py();
        Tensor z = pz();
        Tensor t = e();
        Tensor gamma = b2.neg().add(1).rsqrt();
        Tensor bp = bx.mul(x).add(by.mul(y)).add(bz.mul(z));
        Tensor g2 = gamma.square().div(gamma.add(1));
        Tensor k = g2.mul(bp).add(gamma.mul(t));
        return fromPxPyPzE(x.add(k.mul(bx)), y.add(k.mul(by)), z.add(k.mul(bz)), gamma.mul(t.add(bp)));
    }

    /** Boost by the velocity of {@code p4} (vector's {@code boost_p4}): from p4's rest frame to the lab. */
    public FourVector boostP4(FourVector p4) {
        Tensor e = p4.e();
        return boost(p4.px().div(e), p4.py().div(e), p4.pz().div(e));
    }

    /** Boost into the rest frame of {@code p4} (vector's {@code boostCM_of_p4}). */
    public FourVector boostCMOfP4(FourVector p4) {
        Tensor e = p4.e();
        return boost(p4.px().div(e).neg(), p4.py().div(e).neg(), p4.pz().div(e).neg());
    }

    @Override
    public String toString() {
        return "FourVector(shape=" + Shape.toString(shape()) + ", dtype=" + dtype() + ", "
                + (cylindrical ? "pt, eta, phi, m" : "px, py, pz, E") + ")";
    }
}
