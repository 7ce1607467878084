package dev.hadron.io.root.internal;

import static dev.hadron.io.root.internal.RootConstants.*;

/** C++ type names of ROOT's basic types and their type codes. */
public final class TypeNames {
    private TypeNames() {
    }

    /** The ROOT basic type code of a C++ type name ("float", "Int_t", "unsigned short", ...), or 0. */
    public static int basicCode(String cpp) {
        String t = cpp.trim().replaceAll("\\s+", " ");
        return switch (t) {
            case "bool", "Bool_t" -> K_BOOL;
            case "char", "signed char", "Char_t", "int8_t", "std::int8_t" -> K_CHAR;
            case "unsigned char", "UChar_t", "uint8_t", "std::uint8_t", "Byte_t" -> K_UCHAR;
            case "short", "Short_t", "short int", "int16_t", "std::int16_t" -> K_SHORT;
            case "unsigned short", "UShort_t", "unsigned short int", "uint16_t", "std::uint16_t" -> K_USHORT;
            case "int", "Int_t", "int32_t", "std::int32_t" -> K_INT;
            case "unsigned int", "unsigned", "UInt_t", "uint32_t", "std::uint32_t" -> K_UINT;
            case "long", "Long_t", "long int" -> K_LONG;
            case "unsigned long", "ULong_t", "unsigned long int" -> K_ULONG;
            case "long long", "Long64_t", "int64_t", "std::int64_t", "long long int" -> K_LONG64;
            case "unsigned long long", "ULong64_t", "uint64_t", "std::uint64_t", "unsigned long long int" -> K_ULONG64;
            case "float", "Float_t" -> K_FLOAT;
            case "double", "Double_t" -> K_DOUBLE;
            case "Double32_t" -> K_DOUBLE32;
            case "Float16_t" -> K_FLOAT16;
            default -> 0;
        };
    }
}
