import { describe, expect, it } from 'vitest';
import { ACCESS_MATRIX, allows, can, roleTakesPoles, ROLES, RESOURCES, type Actor } from './access.js';

describe('the access matrix', () => {
  it('denies by default: a role with no grant on a resource can do nothing with it', () => {
    const board: Actor = { role: 'board', poles: [] };
    for (const resource of RESOURCES) {
      expect(can(board, resource, 'read')).toBe(Object.hasOwn(ACCESS_MATRIX[resource].grants, 'board'));
    }
  });

  it('lets administrators manage users and read, but never change, the audit log', () => {
    const admin: Actor = { role: 'admin', poles: [] };
    expect(can(admin, 'users', 'create')).toBe(true);
    expect(can(admin, 'audit_log', 'read')).toBe(true);
    expect(can(admin, 'audit_log', 'update')).toBe(false);
    expect(can(admin, 'audit_log', 'delete')).toBe(false);
  });

  it('gives no role other than admin any right on users or the audit log', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const actor: Actor = { role, poles: ['connect', 'support', 'housing_first'] };
      expect(can(actor, 'users', 'read'), role).toBe(false);
      expect(can(actor, 'audit_log', 'read'), role).toBe(false);
    }
  });

  it('knows which roles hold poles', () => {
    expect(ROLES.filter(roleTakesPoles)).toEqual(['coordinator', 'worker']);
  });
});

describe('a pole-owned resource', () => {
  const rule = {
    pole: 'support',
    grants: { coordinator: ['read', 'update'], worker: ['read'], accountant: ['read'] },
  } as const;

  it('is open to its own pole’s workers only', () => {
    expect(allows(rule, { role: 'worker', poles: ['support'] }, 'read')).toBe(true);
    expect(allows(rule, { role: 'worker', poles: ['housing_first'] }, 'read')).toBe(false);
    expect(allows(rule, { role: 'worker', poles: ['connect', 'support'] }, 'read')).toBe(true);
  });

  it('gives each role only the actions granted to it', () => {
    expect(allows(rule, { role: 'worker', poles: ['support'] }, 'update')).toBe(false);
    expect(allows(rule, { role: 'coordinator', poles: ['support'] }, 'update')).toBe(true);
    expect(allows(rule, { role: 'admin', poles: [] }, 'read')).toBe(false);
  });

  it('does not ask association-wide roles for a pole', () => {
    expect(allows(rule, { role: 'accountant', poles: [] }, 'read')).toBe(true);
  });
});
