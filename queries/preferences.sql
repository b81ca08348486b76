/*
 * Settings of the user in context, one JSONB value per key. Every statement works on the rows
 * of the user in context, through the primary key (org_id, user_id, key).
 */

/* @name GetPreference */
select key, value, created_at as "createdAt", updated_at as "updatedAt"
from user_preferences
where org_id = (select current_org_id())
  and user_id = (select current_user_id())
  and key = :key!;

/* @name ListPreferences */
select key, value, created_at as "createdAt", updated_at as "updatedAt"
from user_preferences
where org_id = (select current_org_id()) and user_id = (select current_user_id())
order by key;

/* @name UpsertPreference */
insert into user_preferences (org_id, user_id, key, value)
values (current_org_id(), current_user_id(), :key!, :value!::jsonb)
on conflict (org_id, user_id, key) do update set value = excluded.value
returning key, value, created_at as "createdAt", updated_at as "updatedAt";

/* @name DeletePreference */
delete from user_preferences
where org_id = (select current_org_id())
  and user_id = (select current_user_id())
  and key = :key!
returning key;
