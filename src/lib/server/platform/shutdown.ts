/**
 * Shutdown steps registered by any part of the process. Kept on globalThis because the CLI and
 * the SvelteKit build are two copies of these modules in one process: both must see one list.
 */
type Step = () => Promise<void> | void;
const KEY = Symbol.for('taman.shutdown');
const steps = ((globalThis as Record<symbol, Step[]>)[KEY] ??= []);

export function onShutdown(step: Step) {
	steps.push(step);
}

/** Run every step, newest first (the web app's pool closes before the database stops). */
export async function runShutdown() {
	for (const step of steps.splice(0).reverse()) {
		try {
			await step();
		} catch (e) {
			console.error('shutdown step failed', e);
		}
	}
}
