package org.yiyue.overlay.audit.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The evaluators: accounts from the configuration key {@code yiyue.evaluators}, as
 * {@code name=PBKDF2WithHmacSHA256:iterations:salt:hash[;name=…]} (the Jakarta Security PBKDF2 format; make one
 * with {@link PasswordHashTool}). Only hashes are configured, never passwords. Every account is in group
 * {@value #ROLE}.
 */
@ApplicationScoped
public class EvaluatorIdentityStore implements IdentityStore {

    public static final String ROLE = "evaluator";
    private static final Logger LOG = Logger.getLogger(EvaluatorIdentityStore.class.getName());

    @Inject
    Pbkdf2PasswordHash hasher;

    private Map<String, String> accounts = Map.of();

    @PostConstruct
    void load() {
        accounts = parse(ConfigProvider.getConfig().getOptionalValue("yiyue.evaluators", String.class).orElse(""));
        if (accounts.isEmpty()) {
            LOG.warning("no evaluator accounts configured (yiyue.evaluators): the console and audit API refuse everyone");
        }
    }

    static Map<String, String> parse(String text) {
        Map<String, String> out = new HashMap<>();
        for (String entry : text.split(";")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                String name = entry.substring(0, eq).strip();
                String hash = entry.substring(eq + 1).strip();
                if (hash.split(":").length == 4) {
                    out.put(name, hash);
                } else {
                    LOG.warning(() -> "evaluator " + name + ": hash is not algorithm:iterations:salt:hash; ignored");
                }
            }
        }
        return Map.copyOf(out);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential c)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String stored = accounts.get(c.getCaller());
        if (stored == null) {
            // same work as a real check, so a wrong name and a wrong password take the same time
            hasher.verify(c.getPassword().getValue(), DUMMY);
            return CredentialValidationResult.INVALID_RESULT;
        }
        try {
            if (hasher.verify(c.getPassword().getValue(), stored)) {
                return new CredentialValidationResult(c.getCaller(), Set.of(ROLE));
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "evaluator " + c.getCaller() + ": stored hash unreadable: " + e.getMessage());
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    private static final String DUMMY = "PBKDF2WithHmacSHA256:210000:"
            + "c2FsdHNhbHRzYWx0c2FsdHNhbHRzYWx0c2FsdHNhbHQ=:aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=";
}
