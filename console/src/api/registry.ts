import { idPath, listAll } from './client';
import type { Organisation, Service, System } from './types';

/** Every organisation, in id order. */
export function loadOrganisations(): Promise<Organisation[]> {
  return listAll<Organisation>('/organisations');
}

/** The systems of one organisation. */
export function loadSystemsOf(organisation: string): Promise<System[]> {
  return listAll<System>(`/organisations/${idPath(organisation)}/systems`);
}

/** The services of one system. */
export function loadServicesOf(system: string): Promise<Service[]> {
  return listAll<Service>(`${systemApiPath(system)}/services`);
}

/** Every system of every organisation (the API lists systems per organisation). */
export async function loadAllSystems(): Promise<System[]> {
  const organisations = await loadOrganisations();
  const lists = await Promise.all(organisations.map((o) => loadSystemsOf(o.id)));
  return lists.flat();
}

/** Every service of every system. */
export async function loadAllServices(systems?: readonly System[]): Promise<Service[]> {
  const all = systems ?? (await loadAllSystems());
  const lists = await Promise.all(all.map((s) => loadServicesOf(s.id)));
  return lists.flat();
}

/** The API path of a system: `/organisations/{i}/{c}/{code}/systems/{system}`. */
export function systemApiPath(system: string): string {
  const parts = system.split('/');
  return `/organisations/${idPath(parts.slice(0, 3).join('/'))}/systems/${encodeURIComponent(parts[3]!)}`;
}

/** The API path of a service. */
export function serviceApiPath(service: string): string {
  const parts = service.split('/');
  return `${systemApiPath(parts.slice(0, 4).join('/'))}/services/${encodeURIComponent(parts[4]!)}`;
}
