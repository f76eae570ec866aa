-- Whether an API key may use every network its user can see (true), or only the networks listed
-- in api_key_network_access (false). Kept explicit so that a scoped key whose networks were all
-- deleted sees nothing, instead of falling back to "no rows = every network".
alter table user_api_keys add column all_networks boolean not null default true;
