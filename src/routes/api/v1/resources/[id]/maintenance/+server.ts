import { api, body } from '$lib/server/http/api';
import { addMaintenance, maintenanceOf } from '$lib/server/facilities/loan.service';

export const GET = api(async (e) => ({ items: await maintenanceOf(e.locals.actor, e.params.id!) }));
export const POST = api(async (e) => addMaintenance(e.locals.actor, e.params.id!, await body(e)));
