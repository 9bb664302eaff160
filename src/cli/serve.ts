import http from 'node:http';
import { pathToFileURL } from 'node:url';

/** Serve the adapter-node build in this process (the database is already open). */
export async function startServer(handlerPath: string, port: number) {
	// adapter-node reads this when the handler loads; its default (512 KB) is below the 5 MB
	// photos taken at equipment check-out and the PDFs (at most 20 MB) attached to applications.
	// Services check each file's own limit; JSON API bodies keep their own 256 KB limit.
	process.env.BODY_SIZE_LIMIT ??= '21M';
	const { handler } = (await import(pathToFileURL(handlerPath).href)) as { handler: http.RequestListener };
	const server = http.createServer((req, res) => handler(req, res));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, resolve);
	});
	return {
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeIdleConnections();
				setTimeout(() => server.closeAllConnections(), 3000).unref();
			})
	};
}
