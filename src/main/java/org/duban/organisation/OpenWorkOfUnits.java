package org.duban.organisation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The work still open in given units, for the organisation's reload: before a unit is removed the office sees what it
 * holds, to reassign. Implemented by the module that owns the directives (the organisation module cannot depend on it).
 */
public interface OpenWorkOfUnits {

    /** One open part: the directive, the unit holding it, where it stands (in Chinese) and its deadline. */
    record OpenItem(String number, String title, String unit, String status, LocalDate deadline) {}

    List<OpenItem> openIn(Collection<String> units);
}
