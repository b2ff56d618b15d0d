package org.duban.organisation;

/**
 * A new version of the organisation is in force on this node ({@link Organisation} already answers with it).
 * {@code appliedHere}: this node put it in force for the whole city (an administrator's reload, or a changed file at
 * start-up), so it alone writes what follows into the shared engine (authorizations, Tasklist filters, forms); other
 * nodes only refresh what they keep in memory.
 */
public record OrganisationChanged(long version, String by, boolean appliedHere) {
}
