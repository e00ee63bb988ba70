/**
 * The `curl` command that creates a resource through the admin API from a JSON file, with the user's API
 * token: the first step where the console has no form for it. The console and the admin API share an origin.
 */
export function createCommand(path: string, file: string): string {
  return `curl -X POST -H "Authorization: Bearer $CANG_TOKEN" -H 'Content-Type: application/json' -d @${file} ${window.location.origin}/api/v1${path}`;
}

/** The admin API's documentation, where every request body is described. */
export const API_DOCS = '/api/docs';
