package org.duban.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How large a request body may be: {@code default-max-size} everywhere, or the size of the first path pattern in
 * {@code paths} that matches (patterns as Spring MVC reads them, e.g. {@code /api/directives/{number}/evidence/**}).
 */
@ConfigurationProperties("duban.request-limits")
public class RequestLimits {

    private DataSize defaultMaxSize = DataSize.ofMegabytes(1);
    private Map<String, DataSize> paths = new LinkedHashMap<>();
    private Map<PathPattern, DataSize> parsed;

    public DataSize getDefaultMaxSize() {
        return defaultMaxSize;
    }

    public void setDefaultMaxSize(DataSize defaultMaxSize) {
        this.defaultMaxSize = defaultMaxSize;
    }

    public Map<String, DataSize> getPaths() {
        return paths;
    }

    public void setPaths(Map<String, DataSize> paths) {
        this.paths = new LinkedHashMap<>(paths);
        this.parsed = null;
    }

    /** The limit for a path within the application (without the context path). */
    public DataSize limitFor(String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Map.Entry<PathPattern, DataSize> entry : patterns().entrySet()) {
            if (entry.getKey().matches(container)) {
                return entry.getValue();
            }
        }
        return defaultMaxSize;
    }

    private Map<PathPattern, DataSize> patterns() {
        Map<PathPattern, DataSize> patterns = parsed;
        if (patterns == null) {
            patterns = new LinkedHashMap<>();
            for (Map.Entry<String, DataSize> entry : paths.entrySet()) {
                patterns.put(PathPatternParser.defaultInstance.parse(entry.getKey()), entry.getValue());
            }
            parsed = patterns;
        }
        return patterns;
    }
}
