import type { Case, Setup } from './case';

/** A Huai'an buyer-staff user, created by Huai'an's buyer admin: the target of the user-administration operations. */
export const setup: Setup = async ({ asOwner }) => {
  const created = await asOwner('mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }', {
    i: {
      email: 'isolation.staff@demo.local',
      password: 'long-enough-password',
      displayName: '隔离测试',
      role: 'buyer-staff',
    },
  });
  const userId = (created.data?.createUser as { id: string } | undefined)?.id;
  if (!userId) throw new Error(`users isolation setup failed: ${JSON.stringify(created.errors)}`);
  return { userId };
};

// Another tenant's buyer admin may manage users, but RLS hides Huai'an's: NOT_FOUND. A vendor manages no other user: FORBIDDEN.
const USER_ADMIN = { otherTenant: 'NOT_FOUND', otherVendor: 'FORBIDDEN' } as const;

export const CASES: Record<string, Case> = {
  disableUser: {
    build: (ids) => ({
      query: 'mutation ($id: ID!) { disableUser(id: $id) { id } }',
      variables: { id: ids.extra.userId },
    }),
    expect: USER_ADMIN,
  },
  enableUser: {
    build: (ids) => ({
      query: 'mutation ($id: ID!) { enableUser(id: $id) { id } }',
      variables: { id: ids.extra.userId },
    }),
    expect: USER_ADMIN,
  },
  revokeUserSessions: {
    build: (ids) => ({
      query: 'mutation ($id: ID!) { revokeUserSessions(id: $id) { id } }',
      variables: { id: ids.extra.userId },
    }),
    expect: USER_ADMIN,
  },
};
