package dev.opengallery.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ECS login password policy: 8 to 26 characters, at least three of upper case, lower case, digits and
 * special characters ({@code !@$%^-_=+[{}]:,./?~#*}), no spaces, and neither the user name "root" nor it
 * reversed. The password is checked, handed to provisioning and forgotten: never stored, logged or echoed.
 */
public final class PasswordPolicy {

    static final String SPECIALS = "!@$%^-_=+[{}]:,./?~#*";

    private PasswordPolicy() {
    }

    /** What is wrong with the password; empty when it is acceptable. */
    public static List<String> problems(String password) {
        List<String> out = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            out.add("is required");
            return out;
        }
        if (password.length() < 8 || password.length() > 26) {
            out.add("must be 8 to 26 characters long");
        }
        int upper = 0, lower = 0, digit = 0, special = 0;
        for (char c : password.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                upper = 1;
            } else if (c >= 'a' && c <= 'z') {
                lower = 1;
            } else if (c >= '0' && c <= '9') {
                digit = 1;
            } else if (SPECIALS.indexOf(c) >= 0) {
                special = 1;
            } else {
                out.add("may contain only letters, digits and " + SPECIALS);
                break;
            }
        }
        if (upper + lower + digit + special < 3) {
            out.add("must mix at least three of: upper case, lower case, digits, special characters");
        }
        String lowerCase = password.toLowerCase(Locale.ROOT);
        if (lowerCase.contains("root") || lowerCase.contains("toor")) {
            out.add("must not contain the user name (root) or it reversed");
        }
        return out;
    }
}
