package org.duban.organisation.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import lombok.extern.slf4j.Slf4j;

import org.duban.organisation.InvalidOrganisationException;
import org.duban.organisation.OpenWorkOfUnits;
import org.duban.organisation.Organisation;
import org.duban.organisation.OrganisationChanged;
import org.duban.organisation.OrganisationChanges;
import org.duban.organisation.OrganisationReload;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organisation without a restart. An administrator previews a new {@code organisation.yaml} (validated like the
 * file: units and people added, removed, moved, and the open work of units that would go) and applies exactly what was
 * previewed; the version is stored with its history and put in force on this node at once — the engine's groups,
 * memberships, authorizations, Tasklist filters and forms follow in the same transaction — and on every other node
 * when it next polls the version ({@code duban.organisation.poll-interval}, 10 s). The file stays the seed: at start-up
 * a changed file becomes a new version; otherwise the latest version, whoever loaded it, is in force.
 */
@Slf4j
@Component
@Order(OrganisationLoading.ORDER)
class OrganisationLoading implements ApplicationRunner, OrganisationReload {

    /** Before the identity synchronisation (10) and everything else that reads the organisation at start-up. */
    static final int ORDER = 5;
    private static final int PROBLEMS_SHOWN = 20;
    /** What {@code organisation_version.content} holds (V34); a city's file is a few hundred thousand. */
    static final int MAX_CHARACTERS = 8_000_000;

    private final Organisation organisation;
    private final OrganisationVersions versions;
    private final IdentitySynchroniser identity;
    private final OpenWorkOfUnits openWork;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ResourceLoader resources;
    private final IdentityProperties properties;
    private final OrganisationFileReader reader = new OrganisationFileReader();
    private volatile long seenVersion = -1;

    OrganisationLoading(Organisation organisation, OrganisationVersions versions, IdentitySynchroniser identity,
            OpenWorkOfUnits openWork, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            Clock clock, ResourceLoader resources, IdentityProperties properties) {
        this.organisation = organisation;
        this.versions = versions;
        this.identity = identity;
        this.openWork = openWork;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.resources = resources;
        this.properties = properties;
    }

    /** Start-up: a changed file becomes a new version; then the latest version is put in force. */
    @Override
    public void run(ApplicationArguments args) throws IOException {
        String fileName = OrganisationConfiguration.fileName(properties);
        String file = read(resources.getResource(properties.location()));
        String sha = sha256(file);
        transaction.executeWithoutResult(status -> {
            if (versions.latestSeed(fileName).map(seed -> !seed.sha256().equals(sha)).orElse(true)) {
                Organisation fromFile = reader.read(fileName, new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
                String summary = versions.latest().map(this::parseStored)
                        .map(before -> OrganisationChanges.between(before, fromFile).summary()).orElse("首次载入");
                versions.insert(file, sha, null, fileName, OffsetDateTime.now(clock), summary);
                log.info("Organisation: {} changed, stored as a new version ({})", fileName, summary);
            }
        });
        putLatestInForce("start-up");
    }

    /** What {@code content} would change; {@link Refused} when it is not a valid organisation. */
    @Override
    public Preview preview(String content) {
        Organisation next = parse(content);
        OrganisationChanges changes = OrganisationChanges.between(organisation, next);
        changes = changes.withOpenWork(openWork.openIn(changes.removedUnitCodes()));
        return new Preview(changes, sha256(content), changes.summary());
    }

    /**
     * Puts {@code content} in force, provided it is what the administrator previewed ({@code previewedSha256}, else
     * {@link NotPreviewed}): stored, then the engine's identity and everything that follows the organisation, in one
     * transaction.
     */
    @Override
    public synchronized Preview apply(String content, String previewedSha256, String admin) {
        if (previewedSha256 == null || previewedSha256.isBlank()) {
            throw new NotPreviewed("请先预览，再确认载入。");
        }
        Organisation next = parse(content);
        String sha = sha256(content);
        if (!sha.equals(previewedSha256)) {
            throw new NotPreviewed("要载入的内容与预览时不同，请重新预览后再确认。");
        }
        Preview preview = preview(content);
        if (preview.changes().unchanged()) {
            return preview;
        }
        Organisation before = new Organisation(organisation.departments(), organisation.members());
        long versionBefore = seenVersion;
        return transaction.execute(status -> {
            long version = versions.insert(content, sha, admin, null, OffsetDateTime.now(clock), preview.summary());
            organisation.replaceWith(next);
            seenVersion = version;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int outcome) {
                    if (outcome != STATUS_COMMITTED) {
                        organisation.replaceWith(before);
                        seenVersion = versionBefore;
                    }
                }
            });
            identity.synchronise();
            log.info("Organisation version {} in force: {} (loaded by {})", version, preview.summary(), admin);
            // inside the transaction: authorizations, filters and forms are written with the version, or not at all
            events.publishEvent(new OrganisationChanged(version, admin, true));
            return preview;
        });
    }

    @Override
    public List<Version> history(int limit) {
        return versions.history(limit).stream().map(e -> new Version(e.id(), e.loadedBy(), e.fileName(), e.loadedAt(),
                e.summary())).toList();
    }

    @Override
    public long version() {
        return seenVersion;
    }

    /** Another node loaded a version: put it in force here too. */
    @Scheduled(fixedDelayString = "${duban.organisation.poll-interval:PT10S}",
            initialDelayString = "${duban.organisation.poll-interval:PT10S}")
    void reloadIfChanged() {
        if (seenVersion >= 0 && versions.version() != seenVersion) {
            putLatestInForce("another node");
        }
    }

    private synchronized void putLatestInForce(String why) {
        versions.latest().ifPresent(latest -> {
            if (latest.id() == seenVersion) {
                return;
            }
            Organisation stored;
            try {
                stored = parseStored(latest);
            } catch (InvalidOrganisationException e) {
                // a version this release no longer accepts: keep what is in force, and say so loudly
                log.error("Organisation version {} cannot be put in force ({}): {}", latest.id(), why, e.getMessage());
                seenVersion = latest.id();
                return;
            }
            boolean differs = !OrganisationChanges.between(organisation, stored).unchanged();
            organisation.replaceWith(stored);
            seenVersion = latest.id();
            if (differs) {
                log.info("Organisation version {} in force ({})", latest.id(), why);
                events.publishEvent(new OrganisationChanged(latest.id(),
                        latest.loadedBy() == null ? latest.fileName() : latest.loadedBy(), false));
            }
        });
    }

    private Organisation parseStored(OrganisationVersions.Stored stored) {
        return reader.read("organisation_version " + stored.id(),
                new ByteArrayInputStream(stored.content().getBytes(StandardCharsets.UTF_8)));
    }

    private Organisation parse(String content) {
        if (content == null || content.isBlank()) {
            throw new Refused(List.of("请粘贴组织名单（organisation.yaml 的内容）"));
        }
        if (content.length() > MAX_CHARACTERS) {
            throw new Refused(List.of("组织名单过大：不能超过 " + MAX_CHARACTERS + " 个字符"));
        }
        try {
            return reader.read("loaded organisation", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        } catch (InvalidOrganisationException e) {
            throw new Refused(e.problems().stream().limit(PROBLEMS_SHOWN).map(ProblemsInChinese::of).toList());
        }
    }

    private static String read(Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
