-- Indexes for browsing a network's inventory (hosts pages and API).
-- Sorting by first seen pages through an index like the name and last-seen sorts (V3).
create index hosts_network_first_seen_idx on hosts (organization_id, network_id, first_seen desc, id);
-- "Which networks carry this tag" (tag usage counts, tag filters on networks).
create index network_tags_tag_idx on network_tags (organization_id, tag_id);
-- Counting the visible hosts of a network (every host list page) as an index-only scan.
create index hosts_network_visible_idx on hosts (organization_id, network_id) where not hidden;
