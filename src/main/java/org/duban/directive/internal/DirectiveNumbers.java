package org.duban.directive.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Directive numbers {@code DB-<year>-<4 digits>}, sequential per year and never reused: the counter
 * row is locked by the issuing transaction, so concurrent issuers queue and a rolled-back issue
 * gives its number back before anyone else could see it.
 */
@Component
class DirectiveNumbers {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separateTransaction;

    DirectiveNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String next(int year) {
        if (jdbc.update("UPDATE directive_number_sequence SET last_number = last_number + 1 WHERE sequence_year = ?", year) == 0) {
            createCounter(year);
            jdbc.update("UPDATE directive_number_sequence SET last_number = last_number + 1 WHERE sequence_year = ?", year);
        }
        Integer number = jdbc.queryForObject("SELECT last_number FROM directive_number_sequence WHERE sequence_year = ?",
                Integer.class, year);
        return String.format("DB-%d-%04d", year, number);
    }

    /** In its own transaction: a failed insert must not poison the issuing one (PostgreSQL aborts it). */
    private void createCounter(int year) {
        try {
            separateTransaction.executeWithoutResult(status -> jdbc.update(
                    "INSERT INTO directive_number_sequence (sequence_year, last_number) VALUES (?, 0)", year));
        } catch (DuplicateKeyException alreadyCreatedByAnotherNode) {
            // the row exists now, which is all we need
        }
    }
}
