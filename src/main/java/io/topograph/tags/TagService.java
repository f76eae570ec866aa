package io.topograph.tags;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.networks.NetworkService;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.NotFoundException;
import io.topograph.platform.web.ValidationException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Tag use cases: the organization's tag list, and applying tags to networks. */
@Singleton
public class TagService {

    /** At most this many tags on one host or network: a guard against absurd requests. */
    public static final int MAX_PER_TARGET = 50;

    private final TagRepository tags;
    private final TagUsage usage;
    private final NetworkService networks;

    public TagService(TagRepository tags, TagUsage usage, NetworkService networks) {
        this.tags = tags;
        this.usage = usage;
        this.networks = networks;
    }

    /** Every tag of the organization by name, with usage counted in the member's visible networks. */
    @Transactional(readOnly = true)
    public List<TagSummary> list(CurrentMember member) {
        Map<UUID, TagUsage.Counts> counts = usage.counts(member.organizationId(), member.networkFilter());
        return tags.findAllByOrganizationId(member.organizationId()).stream().map(t -> {
            TagUsage.Counts c = counts.getOrDefault(t.id(), TagUsage.Counts.NONE);
            return new TagSummary(t.id(), t.name(), t.color(), c.hosts(), c.networks(), t.createdAt());
        }).toList();
    }

    @Transactional(readOnly = true)
    public TagSummary summary(CurrentMember member, UUID id) {
        return list(member).stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("Tag not found"));
    }

    /** The organization's tags for pickers and filters. */
    @Transactional(readOnly = true)
    public List<TagRef> refs(UUID organizationId) {
        return tags.findAllByOrganizationId(organizationId).stream().map(Tag::ref).toList();
    }

    @Transactional(readOnly = true)
    public Tag find(CurrentMember member, UUID id) {
        return tags.findByOrganizationIdAndId(member.organizationId(), id).orElseThrow(() -> new NotFoundException("Tag not found"));
    }

    @Transactional
    public Tag create(CurrentMember member, TagForm form) {
        member.requireWrite();
        TagForm f = validated(member.organizationId(), form, null);
        return tags.save(new Tag(UUID.randomUUID(), member.organizationId(), f.name(), f.color(), Instant.now()));
    }

    @Transactional
    public Tag update(CurrentMember member, UUID id, TagForm form) {
        member.requireWrite();
        Tag existing = find(member, id);
        TagForm f = validated(member.organizationId(), form, id);
        return tags.update(new Tag(existing.id(), existing.organizationId(), f.name(), f.color(), existing.createdAt()));
    }

    /** Deletes the tag; the database removes it from every host and network. */
    @Transactional
    public Tag delete(CurrentMember member, UUID id) {
        member.requireWrite();
        Tag existing = find(member, id);
        tags.deleteByOrganizationIdAndId(member.organizationId(), id);
        return existing;
    }

    /**
     * Turns submitted tag ids into ids of this organization's tags. Anything else (malformed,
     * unknown, another organization's) is reported on {@code field}; duplicates collapse.
     */
    @Transactional(readOnly = true)
    public List<UUID> resolveIds(UUID organizationId, @Nullable List<String> submitted, FormErrors errors, String field) {
        if (submitted == null || submitted.isEmpty()) {
            return List.of();
        }
        Set<UUID> known = tags.findAllByOrganizationId(organizationId).stream().map(Tag::id).collect(Collectors.toSet());
        Set<UUID> out = new LinkedHashSet<>();
        for (String raw : submitted) {
            UUID id = parseUuid(raw);
            if (id == null || !known.contains(id)) {
                errors.add(field, "Unknown tag: choose tags of this organization.");
                return List.of();
            }
            out.add(id);
        }
        if (out.size() > MAX_PER_TARGET) {
            errors.add(field, "Use at most " + MAX_PER_TARGET + " tags.");
        }
        return new ArrayList<>(out);
    }

    @Transactional(readOnly = true)
    public List<TagRef> networkTags(CurrentMember member, UUID networkId) {
        networks.findVisible(member, networkId);
        return networkTagsOf(member.organizationId(), networkId);
    }

    /** A network's tags for callers that already checked the network is visible. */
    @Transactional(readOnly = true)
    public List<TagRef> networkTagsOf(UUID organizationId, UUID networkId) {
        return tags.findByNetwork(organizationId, networkId).stream().map(Tag::ref).toList();
    }

    /** Replaces the network's tags with {@code tagIds} (all or nothing). */
    @Transactional
    public List<TagRef> setNetworkTags(CurrentMember member, UUID networkId, @Nullable List<String> tagIds) {
        networks.findVisible(member, networkId);
        member.requireWrite();
        if (tagIds == null) {
            throw ValidationException.of("tagIds", "This field is required (an empty list removes every tag).");
        }
        FormErrors errors = FormErrors.none();
        List<UUID> ids = resolveIds(member.organizationId(), tagIds, errors, "tagIds");
        errors.throwIfAny();
        tags.clearNetworkTags(member.organizationId(), networkId);
        ids.forEach(id -> tags.addNetworkTag(member.organizationId(), networkId, id));
        return tags.findByNetwork(member.organizationId(), networkId).stream().map(Tag::ref).toList();
    }

    private TagForm validated(UUID organizationId, TagForm form, @Nullable UUID exceptId) {
        TagForm f = form.normalized();
        FormErrors errors = f.validate();
        if (!errors.has("name") && tags.nameTaken(organizationId, f.name(), exceptId == null ? new UUID(0, 0) : exceptId)) {
            errors.add("name", "A tag with this name already exists.");
        }
        errors.throwIfAny();
        return f;
    }

    @Nullable
    static UUID parseUuid(@Nullable String raw) {
        if (raw == null || raw.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
