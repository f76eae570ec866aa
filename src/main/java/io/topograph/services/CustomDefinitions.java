package io.topograph.services;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.daemonjar.DaemonLibrary;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.ConflictException;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.NotFoundException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An organization's own service definitions: the use cases of the pages and the API, and
 * {@link #forClaim(UUID)}, what the daemon receives with each run. A definition is written only
 * after the daemon's own catalog parser accepted it, so a saved definition never breaks a run.
 */
@Singleton
public class CustomDefinitions {

    /** A guard against absurd lists: every claimed run carries all enabled definitions. */
    public static final int MAX_PER_ORGANIZATION = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CustomDefinitionRepository definitions;
    private final BuiltInCatalog catalog;
    private final DaemonLibrary library;

    public CustomDefinitions(CustomDefinitionRepository definitions, BuiltInCatalog catalog, DaemonLibrary library) {
        this.definitions = definitions;
        this.catalog = catalog;
        this.library = library;
    }

    /** Every definition of the member's organization, by key. Viewers may read them. */
    @Transactional(readOnly = true)
    public List<CustomDefinition> list(CurrentMember member) {
        return definitions.findAllByOrganizationId(member.organizationId());
    }

    /** One definition of the member's organization, or 404 (also for another organization's id). */
    @Transactional(readOnly = true)
    public CustomDefinition find(CurrentMember member, UUID id) {
        return definitions.findByOrganizationIdAndId(member.organizationId(), id)
                .orElseThrow(() -> new NotFoundException("Service definition not found"));
    }

    @Transactional
    public CustomDefinition create(CurrentMember member, DefinitionForm form) {
        member.requireWrite();
        DefinitionForm.Checked v = validated(member.organizationId(), form, null);
        if (definitions.countByOrganizationId(member.organizationId()) >= MAX_PER_ORGANIZATION) {
            throw new ConflictException("An organization can have at most " + MAX_PER_ORGANIZATION
                    + " service definitions; delete or merge some first.");
        }
        Instant now = now();
        return definitions.save(new CustomDefinition(UUID.randomUUID(), member.organizationId(), v.key(), v.name(), v.description(),
                v.category(), v.icon(), v.priority(), DefinitionForm.compact(v.match()), v.enabled(), member.userId(), now, now));
    }

    @Transactional
    public CustomDefinition update(CurrentMember member, UUID id, DefinitionForm form) {
        CustomDefinition existing = find(member, id);
        member.requireWrite();
        DefinitionForm.Checked v = validated(member.organizationId(), form, id);
        return definitions.update(new CustomDefinition(existing.id(), existing.organizationId(), v.key(), v.name(), v.description(),
                v.category(), v.icon(), v.priority(), DefinitionForm.compact(v.match()), v.enabled(), existing.createdBy(),
                existing.createdAt(), now()));
    }

    /** Turns a definition on or off; off means daemons no longer receive it. */
    @Transactional
    public CustomDefinition setEnabled(CurrentMember member, UUID id, boolean enabled) {
        CustomDefinition existing = find(member, id);
        member.requireWrite();
        if (existing.enabled() == enabled) {
            return existing;
        }
        return definitions.update(existing.withEnabled(enabled, now()));
    }

    @Transactional
    public CustomDefinition delete(CurrentMember member, UUID id) {
        CustomDefinition existing = find(member, id);
        member.requireWrite();
        definitions.deleteByOrganizationIdAndId(member.organizationId(), id);
        return existing;
    }

    /**
     * The organization's enabled definitions in the catalog's JSON form, for the
     * {@code customDefinitions} of a claimed run: each a map with {@code id} (the key), {@code name},
     * {@code description}, {@code category}, {@code icon}, {@code priority} and {@code match} (maps,
     * lists, strings and numbers), ordered by key. Read at claim time, so a change applies to the
     * next run a daemon claims.
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> forClaim(UUID organizationId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CustomDefinition d : definitions.findEnabledByOrganizationId(organizationId)) {
            out.add(catalogForm(d));
        }
        return out;
    }

    /** One definition as the catalog (and the claim payload) writes it. */
    static Map<String, Object> catalogForm(CustomDefinition d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.key());
        m.put("name", d.name());
        m.put("description", d.description());
        m.put("category", d.category());
        m.put("icon", d.icon());
        m.put("priority", d.priority());
        m.put("match", DefinitionJson.toMap(DefinitionForm.parseStored(d.match())));
        return m;
    }

    /** Now, at the database's precision, so answers show what was stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The categories a definition may use: those of the bundled catalog. */
    public List<String> categories() {
        return catalog.categories();
    }

    public List<String> icons() {
        return catalog.icons();
    }

    /**
     * Checks a form completely before anything is written: fields, the key's uniqueness (within
     * the organization and against the bundled catalog, whose ids the daemon would see twice),
     * and finally the daemon's own catalog parser on the definition as the daemon will get it.
     */
    private DefinitionForm.Checked validated(UUID organizationId, DefinitionForm form, @Nullable UUID exceptId) {
        DefinitionForm f = form.normalized();
        FormErrors errors = FormErrors.none();
        DefinitionForm.Checked checked = f.check(errors, catalog.categories());
        if (!errors.has("key")) {
            Optional<CatalogEntry> builtIn = catalog.find(f.key());
            if (builtIn.isPresent()) {
                errors.add("key", "“" + f.key() + "” is the key of the built-in definition " + builtIn.get().name()
                        + "; choose another, such as my-" + f.key() + ".");
            } else if (definitions.keyTaken(organizationId, f.key(), exceptId == null ? new UUID(0, 0) : exceptId)) {
                errors.add("key", "A definition with this key already exists.");
            }
        }
        errors.throwIfAny();
        String icon = checked.icon().isEmpty() ? catalog.defaultIcon(checked.category()) : checked.icon();
        DefinitionForm.Checked v = new DefinitionForm.Checked(checked.key(), checked.name(), checked.description(),
                checked.category(), icon, checked.priority(), checked.match(), checked.enabled());
        library.definitionsError(catalogFile(v)).ifPresent(message -> {
            String sentence = parserSentence(message);
            FormErrors parser = FormErrors.none();
            parser.add(fieldOf(sentence), sentence);
            parser.throwIfAny();
        });
        return v;
    }

    /** {@code {"services": [definition]}}: the catalog file the daemon's parser judges. */
    static String catalogFile(DefinitionForm.Checked v) {
        ObjectNode service = JSON.createObjectNode();
        service.put("id", v.key());
        service.put("name", v.name());
        service.put("description", v.description());
        service.put("category", v.category());
        service.put("icon", v.icon());
        service.put("priority", v.priority());
        service.set("match", v.match());
        ObjectNode file = JSON.createObjectNode();
        ArrayNode services = file.putArray("services");
        services.add(service);
        return DefinitionForm.compact(file);
    }

    /** The parser's message without its "definition: service "x": " prefix, as a sentence. */
    static String parserSentence(String message) {
        String s = message.replaceFirst("^definition: (service \"[^\"]*\": )?", "").trim();
        if (s.isEmpty()) {
            return "The daemon's catalog parser refused this definition.";
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + (s.endsWith(".") ? "" : ".");
    }

    /** The form field a parser message is about; the rule unless it names another field. */
    static String fieldOf(String sentence) {
        String s = sentence.toLowerCase(Locale.ROOT);
        if (s.startsWith("service id")) {
            return "key";
        }
        if (s.contains("\"name\" is required")) {
            return "name";
        }
        if (s.startsWith("no category")) {
            return "category";
        }
        return "match";
    }
}
