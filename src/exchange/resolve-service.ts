import { CangError } from '../core/index.js';
import type { ActiveConfig, ActiveService } from './active-config.js';

/**
 * Finds the called service in the active configuration: 404 service-unknown when the snapshot does not
 * hold it, 503 service-disabled when its provider switched it off.
 */
export function resolveService(config: ActiveConfig, serviceId: string): ActiveService {
  const service = config.services.get(serviceId);
  if (service === undefined) throw new CangError('service-unknown');
  if (!service.service.enabled) throw new CangError('service-disabled');
  return service;
}
