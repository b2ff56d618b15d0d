package org.duban.directive.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.duban.directive.PartStatus;
import org.duban.organisation.OpenWorkOfUnits;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The parts still open in given units (any level, passed-down parts included), for the organisation's reload. */
@Component
class OpenWorkOfUnitsQuery implements OpenWorkOfUnits {

    private static final List<String> OPEN = java.util.Arrays.stream(PartStatus.values()).filter(PartStatus::isOpen)
            .map(Enum::name).toList();

    private final NamedParameterJdbcTemplate jdbc;
    private final StatusLabels labels;

    OpenWorkOfUnitsQuery(NamedParameterJdbcTemplate jdbc, StatusLabels labels) {
        this.jdbc = jdbc;
        this.labels = labels;
    }

    @Override
    public List<OpenItem> openIn(Collection<String> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT d.number, d.title, p.department, p.status, p.deadline FROM directive d "
                        + "JOIN directive_department p ON p.directive_number = d.number "
                        + "WHERE p.department IN (:units) AND p.status IN (:open) ORDER BY p.department, d.number",
                new MapSqlParameterSource("units", units).addValue("open", OPEN),
                (rs, i) -> new OpenItem(rs.getString(1), rs.getString(2), rs.getString(3),
                        labels.of(PartStatus.valueOf(rs.getString(4))), rs.getObject(5, LocalDate.class)));
    }
}
