package org.yiyue.overlay.audit.security;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Prints a hash for {@code yiyue.evaluators} in the Jakarta Security PBKDF2 format
 * ({@code PBKDF2WithHmacSHA256:iterations:base64 salt:base64 hash}):
 * {@code java -cp WEB-INF/classes org.yiyue.overlay.audit.security.PasswordHashTool <password>}.
 */
public final class PasswordHashTool {

    static final int ITERATIONS = 210_000;

    private PasswordHashTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: PasswordHashTool <password>");
            System.exit(2);
        }
        System.out.println(hash(args[0].toCharArray()));
    }

    public static String hash(char[] password) throws NoSuchAlgorithmException, InvalidKeySpecException {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password, salt, ITERATIONS, 32 * 8)).getEncoded();
        return "PBKDF2WithHmacSHA256:" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
    }
}
