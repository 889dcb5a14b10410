import type { CreateSupportRequestBody, SupportRequest } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supportRequestKeys } from './keys';

export function createRequest(body: CreateSupportRequestBody): Promise<SupportRequest> {
  return api.post<SupportRequest>('/api/support/requests', body);
}

export function useCreateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRequest,
    onSuccess: (request) => {
      queryClient.setQueryData(supportRequestKeys.detail(request.id), request);
      return queryClient.invalidateQueries({ queryKey: supportRequestKeys.all, refetchType: 'active' });
    },
  });
}
