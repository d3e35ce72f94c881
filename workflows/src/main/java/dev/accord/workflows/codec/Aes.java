package dev.accord.workflows.codec;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM with a random 96-bit IV per message, sealed as {@code iv | ciphertext+tag}. */
final class Aes {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aes() {}

    static byte[] seal(PayloadKey key, byte[] plain) throws GeneralSecurityException {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        byte[] sealed = cipher.doFinal(plain);
        return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    }

    static byte[] open(PayloadKey key, byte[] sealed) throws GeneralSecurityException {
        if (sealed.length < IV_BYTES) {
            throw new GeneralSecurityException("sealed data shorter than its IV");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
        return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    }
}
