-- Subnet kinds are guessed when a topology is built (SubnetKinds) unless a person chose one: then
-- kind_chosen is true and subnets.kind is their choice, which no guess ever replaces. While it is
-- false, subnets.kind is not read by the topology (the guess is computed from the inventory).
alter table subnets add column kind_chosen boolean not null default false;
