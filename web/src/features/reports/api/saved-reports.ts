import type { CreateSavedReportBody, SavedReport, SavedReportChanges, SavedReportList } from '@smes/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { reportsKeys } from './keys';

export function useSavedReports(page = 1) {
  return useQuery({
    queryKey: reportsKeys.savedList(page),
    queryFn: ({ signal }) => api.get<SavedReportList>('/api/reports', { query: { page }, signal }),
  });
}

export function useSavedReport(id: string) {
  return useQuery({
    queryKey: reportsKeys.savedReport(id),
    queryFn: ({ signal }) => api.get<SavedReport>(`/api/reports/${encodeURIComponent(id)}`, { signal }),
    staleTime: Infinity, // a saved report never changes
  });
}

export function useSavedReportChanges(id: string) {
  return useQuery({
    queryKey: reportsKeys.changes(id),
    queryFn: ({ signal }) =>
      api.get<SavedReportChanges>(`/api/reports/${encodeURIComponent(id)}/changes`, { signal }),
  });
}

export function useSaveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSavedReportBody) => api.post<SavedReport>('/api/reports', body),
    onSuccess: (report) => {
      queryClient.setQueryData(reportsKeys.savedReport(report.id), report);
      return queryClient.invalidateQueries({ queryKey: reportsKeys.saved() });
    },
  });
}
