package io.topograph.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.daemonjar.DaemonLibrary;
import io.topograph.platform.web.Paging;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog bundled in the daemon jar, read once from the jar itself ({@code catalog/index.txt}
 * and the files it lists), so the page shows exactly what the daemons run. Immutable after loading.
 */
@Singleton
public class BuiltInCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DaemonLibrary library;
    private volatile Loaded loaded;

    private record Loaded(List<CatalogEntry> entries, Map<String, CatalogEntry> byId, List<String> categories,
                          Map<String, String> categoryIcons, List<String> icons) {
    }

    public BuiltInCatalog(DaemonLibrary library) {
        this.library = library;
    }

    /** Every bundled definition, by name. */
    public List<CatalogEntry> all() {
        return loaded().entries();
    }

    public Optional<CatalogEntry> find(String id) {
        return Optional.ofNullable(loaded().byId().get(id));
    }

    /** The categories the bundled definitions use, sorted. */
    public List<String> categories() {
        return loaded().categories();
    }

    /** The icon names the bundled definitions use, sorted. */
    public List<String> icons() {
        return loaded().icons();
    }

    /** The icon the catalog gives a category's services, or "server". */
    public String defaultIcon(String category) {
        return loaded().categoryIcons().getOrDefault(category, "server");
    }

    /**
     * One page of the definitions matching {@code q} and {@code category}. Every word of {@code q}
     * must be found in the id, name, category or description; a number also finds the definitions
     * whose rule names that port. Definitions whose name holds the whole query come first.
     */
    public Paging<CatalogEntry> search(@Nullable String q, @Nullable String category, int page, int size) {
        String query = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        String[] words = query.isEmpty() ? new String[0] : query.split("\\s+");
        List<CatalogEntry> hits = all().stream()
                .filter(e -> category == null || category.isBlank() || e.category().equals(category))
                .filter(e -> matchesAll(e, words))
                .sorted(Comparator.comparing((CatalogEntry e) -> !e.name().toLowerCase(Locale.ROOT).contains(query)))
                .toList();
        int from = Math.min(hits.size(), (page - 1) * size);
        int to = Math.min(hits.size(), from + size);
        return new Paging<>(hits.subList(from, to), page, size, hits.size());
    }

    private static boolean matchesAll(CatalogEntry e, String[] words) {
        for (String w : words) {
            if (!matches(e, w)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(CatalogEntry e, String word) {
        if (word.matches("\\d{1,5}")) {
            return e.ports().contains(Integer.parseInt(word)) || e.name().toLowerCase(Locale.ROOT).contains(word);
        }
        return e.id().contains(word) || e.name().toLowerCase(Locale.ROOT).contains(word)
                || e.category().contains(word) || e.description().toLowerCase(Locale.ROOT).contains(word);
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = load(library.classLoader());
                }
                l = loaded;
            }
        }
        return l;
    }

    /** Reads the catalog files listed in {@code catalog/index.txt} of the given loader. */
    static Loaded load(ClassLoader loader) {
        List<CatalogEntry> entries = new ArrayList<>();
        Map<String, String> categoryIcons = new LinkedHashMap<>();
        for (String file : lines(read(loader, "catalog/index.txt"))) {
            JsonNode root;
            try {
                root = JSON.readTree(read(loader, "catalog/" + file));
            } catch (IOException e) {
                throw new UncheckedIOException("The bundled catalog file " + file + " is not JSON", e);
            }
            String fileCategory = root.path("category").asText("");
            String fileIcon = root.hasNonNull("icon") ? root.get("icon").asText() : fileCategory;
            categoryIcons.putIfAbsent(fileCategory, fileIcon);
            for (JsonNode s : root.path("services")) {
                String category = s.hasNonNull("category") ? s.get("category").asText() : fileCategory;
                String icon = s.hasNonNull("icon") ? s.get("icon").asText() : fileIcon;
                JsonNode match = s.path("match");
                entries.add(new CatalogEntry(s.path("id").asText(), s.path("name").asText(), s.path("description").asText(""),
                        category, icon, s.path("priority").asInt(0), s.path("generic").asBoolean(false), match,
                        RuleText.lines(match), RuleText.summary(match), RuleText.ports(match)));
            }
        }
        entries.sort(Comparator.comparing((CatalogEntry e) -> e.name().toLowerCase(Locale.ROOT)).thenComparing(CatalogEntry::id));
        List<String> categories = List.copyOf(entries.stream().map(CatalogEntry::category).collect(Collectors.toCollection(TreeSet::new)));
        List<String> icons = List.copyOf(entries.stream().map(CatalogEntry::icon).collect(Collectors.toCollection(TreeSet::new)));
        Map<String, CatalogEntry> byId = entries.stream().collect(Collectors.toMap(CatalogEntry::id, Function.identity(), (a, b) -> a));
        return new Loaded(List.copyOf(entries), Map.copyOf(byId), categories, Map.copyOf(categoryIcons), icons);
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The daemon jar has no " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
