package dev.hadron.cli.method;

import dev.hadron.cli.CliException;
import dev.hadron.cli.config.MethodType;

/** The default hyperparameters of the classic (non-tree) methods of hadron-ml. */
final class ClassicMethods {
    private ClassicMethods() {
    }

    static Record params(MethodType t) {
        throw CliException.config("method type " + t.id() + " is not available in this build of Hadron");
    }
}
