package org.yiyue.overlay.audit.security;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Checks a name and password against {@link Accounts} (PBKDF2 hashes in the Jakarta Security format, made with
 * {@link PasswordHashTool}); the caller's one group is its role id. A locked account is refused even with the right
 * password, and each wrong password counts toward the lock-out.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(AccountIdentityStore.class.getName());

    @Inject
    Pbkdf2PasswordHash hasher;
    @Inject
    Accounts accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential c)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<Account> found;
        try {
            found = accounts.find(c.getCaller());
        } catch (RuntimeException e) {
            LOG.warning(() -> "accounts unavailable (database?): " + e.getMessage());
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        long now = System.currentTimeMillis();
        if (found.isEmpty() || found.get().lockedAt(now)) {
            // same work as a real check, so an unknown or locked name takes the same time as a wrong password
            hasher.verify(c.getPassword().getValue(), DUMMY);
            return CredentialValidationResult.INVALID_RESULT;
        }
        Account account = found.get();
        boolean ok;
        try {
            ok = hasher.verify(c.getPassword().getValue(), account.passwordHash());
        } catch (RuntimeException e) {
            LOG.warning(() -> "account " + account.name() + ": stored hash unreadable: " + e.getMessage());
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!ok) {
            if (accounts.failed(account.name(), now)) {
                LOG.warning(() -> "account " + account.name() + " locked after repeated wrong passwords");
            }
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (account.failedLogins() > 0) {
            accounts.succeeded(account.name());
        }
        return new CredentialValidationResult(account.name(), Set.of(account.role().id()));
    }

    private static final String DUMMY = "PBKDF2WithHmacSHA256:210000:"
            + "c2FsdHNhbHRzYWx0c2FsdHNhbHRzYWx0c2FsdHNhbHQ=:aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=";
}
