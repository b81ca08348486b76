-- Security fixes to the committed schema.
--
-- users: the app role holds update (email, display_name) on users, a global table without
-- row-level security, so a request in any organization's context could change the sign-in
-- address of any user, including users who belong only to other organizations, and take over
-- their accounts. Row-level security on users keeps every row readable to the app role (login
-- looks users up before a tenant context exists) and lets it update only the user in
-- aurora.user_id. It is enabled, not forced: register_user(), authenticate() and
-- change_password() run as the owner and still reach every row, and the maintenance role
-- bypasses it.

alter table users enable row level security;
drop policy if exists select_all on users;
create policy select_all on users for select to :AURORA_APP
  using (true);
drop policy if exists update_own_user on users;
create policy update_own_user on users for update to :AURORA_APP
  using (id = (select current_user_id()))
  with check (id = (select current_user_id()));
comment on table users is
  'People who sign in. Global: the app role reads every row, except the password_hash column, '
  'so queries must name their columns (select * and returning * fail). Row-level security lets '
  'the app role update only the user in aurora.user_id; the owner role, which the '
  'security definer functions run as, is not subject to it.';
