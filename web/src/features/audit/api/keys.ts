import type { AccessLogQuery, AuditQuery } from '@smes/shared';

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (filters: AuditQuery) => [...auditKeys.lists(), filters] as const,
  accessLog: (query: AccessLogQuery) => [...auditKeys.all, 'access-log', query] as const,
};
