import type { RolePasswords } from '../../src/db/roles.js';

/** The app's roles' passwords on the test server (trust authentication locally). */
export const TEST_ROLE_PASSWORDS: RolePasswords = { app: 'smes-test-app', counting: 'smes-test-count' };
