/**
 * Generated from parley's OpenAPI document by scripts/client-types.ts (openapi-typescript): do not edit.
 */

export interface paths {
    "/api/backtests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a backtest of stored cases with known outcomes (as `parley backtest`) as a background job */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BacktestJobRequest"];
                };
            };
            responses: {
                /** @description the job to poll at /api/jobs/{jobId}; its result is `parley backtest --format json` */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobStarted"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the cases (paged) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description a page of case summaries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseList"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a case (revision 1) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            responses: {
                /** @description created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WriteResult"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case: the latest revision, a given revision or the one current at a time, and/or as of a date */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    /** @description the latest revision written at or before this time */
                    at?: string;
                    revision?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the case (validated output form); headers ETag: "<revision>" and X-Parley-Revision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Case"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace a case (a new revision; If-Match: "<revision>" required on a server off loopback) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            responses: {
                /** @description the new revision (and its ETag) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WriteResult"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a case with its history */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/actors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the actors of a case (paged) */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    limit?: number;
                    offset?: number | null;
                    revision?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description a page of actors */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActorPage"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a actor (a new revision) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Actor"];
                };
            };
            responses: {
                /** @description the new revision and the actor */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: components["schemas"]["Actor"];
                            revision: number;
                        };
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/actors/{actorId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One actor */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    actorId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the actor */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Actor"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace a actor (a new revision) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    actorId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Actor"];
                };
            };
            responses: {
                /** @description the new revision and the actor */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: components["schemas"]["Actor"];
                            revision: number;
                        };
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a actor (a new revision; refused while anything refers to it) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    actorId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the new revision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevisionOnly"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the drafts of a case (paged) */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    limit?: number;
                    offset?: number | null;
                    revision?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description a page of drafts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DraftPage"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a draft (a new revision) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Draft"];
                };
            };
            responses: {
                /** @description the new revision and the draft */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: components["schemas"]["Draft"];
                            revision: number;
                        };
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/drafts/{draftId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One draft */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    draftId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the draft */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Draft"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace a draft (a new revision) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    draftId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Draft"];
                };
            };
            responses: {
                /** @description the new revision and the draft */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: components["schemas"]["Draft"];
                            revision: number;
                        };
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a draft (a new revision; refused while anything refers to it) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    draftId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the new revision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevisionOnly"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/drafts/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every draft against every red line, with each actor’s utility */
        get: {
            parameters: {
                query?: {
                    /** @description each draft against the red lines of its own date (default) or the latest ones */
                    against?: "draft-date" | "latest";
                    asOf?: string;
                    drafts?: string;
                    /** @description comma-separated model names (default: all) */
                    models?: string;
                    rounds?: number;
                    scenario?: string;
                    seed?: number | null;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description as `parley drafts --format json` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DraftChecks"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/drafts/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Point-by-point diff of two drafts */
        get: {
            parameters: {
                query: {
                    a: string;
                    asOf?: string;
                    b: string;
                    scenario?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description as `parley drafts diff --format json` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DraftDiff"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the events of a case (paged) */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    limit?: number;
                    offset?: number | null;
                    revision?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description a page of events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventPage"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a event (a new revision) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            responses: {
                /** @description the new revision and the event */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: components["schemas"]["Event"];
                            revision: number;
                        };
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One event */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the event */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Event"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace a event (a new revision) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    eventId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            responses: {
                /** @description the new revision and the event */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: components["schemas"]["Event"];
                            revision: number;
                        };
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a event (a new revision; refused while anything refers to it) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    eventId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the new revision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevisionOnly"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the evidence of a case (paged) */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    limit?: number;
                    offset?: number | null;
                    revision?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description a page of evidence */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidencePage"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a evidence (a new revision) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Evidence"];
                };
            };
            responses: {
                /** @description the new revision and the evidence */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: components["schemas"]["Evidence"];
                            revision: number;
                        };
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/evidence/{evidenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One evidence */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    evidenceId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the evidence */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace a evidence (a new revision) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    evidenceId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Evidence"];
                };
            };
            responses: {
                /** @description the new revision and the evidence */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: components["schemas"]["Evidence"];
                            revision: number;
                        };
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a evidence (a new revision; refused while anything refers to it) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    evidenceId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the new revision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevisionOnly"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/evidence/{evidenceId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a candidate piece of evidence */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    evidenceId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the updated evidence */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/evidence/{evidenceId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a candidate piece of evidence */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    evidenceId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the updated evidence */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export a case (yaml, json, or an exporter of the formats registry) */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    format?: string;
                    revision?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the exported text */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's feeds with the status of their polls */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description each feed: interval, last poll, last error, items seen, candidates added, next poll */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedList"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace the case's feeds (a new revision; a feed that stays keeps the items its polls saw) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FeedsRequest"];
                };
            };
            responses: {
                /** @description the feeds as written, with their status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedList"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/feeds/poll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Poll the case's feeds now (or one, ?url=) and queue the new items' quotes as candidate evidence */
        post: {
            parameters: {
                query?: {
                    /** @description poll only this feed of the case */
                    url?: string;
                };
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description what each feed gave and the candidates added (one revision for all of them; none when nothing was new) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedPollResult"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the models on the case and store the run */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ForecastRequest"];
                };
            };
            responses: {
                /** @description per-model results and the stored run id */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ForecastResponse"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the issues of a case (paged) */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    limit?: number;
                    offset?: number | null;
                    revision?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description a page of issues */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IssuePage"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a issue (a new revision) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Issue"];
                };
            };
            responses: {
                /** @description the new revision and the issue */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: components["schemas"]["Issue"];
                            revision: number;
                        };
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/issues/{issueId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One issue */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    issueId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the issue */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Issue"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace a issue (a new revision) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                    issueId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Issue"];
                };
            };
            responses: {
                /** @description the new revision and the issue */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: components["schemas"]["Issue"];
                            revision: number;
                        };
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a issue (a new revision; refused while anything refers to it) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                    issueId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the new revision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevisionOnly"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a long analysis (sensitivity, research, scenarios, timeline, packages, power, levers) as a background job */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AnalysisJobRequest"];
                };
            };
            responses: {
                /** @description the job to poll at /api/jobs/{jobId}; its result is the synchronous route’s JSON with the `runId` it is stored as */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobStarted"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/levers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What would it take: the smallest moves per actor in position, salience, capability or red line that reach a target */
        get: {
            parameters: {
                query: {
                    asOf?: string;
                    /** @description value targets: a search model starts no new search after this many runs (default 2000) */
                    budget?: number;
                    /** @description value targets: comma-separated model names (default: every model but status-quo) */
                    model?: string;
                    /** @description Monte Carlo draws (default 100) */
                    runs?: number | null;
                    scenario?: string;
                    seed?: number | null;
                    /** @description zone, zone:ISSUE, value:ISSUE=V[:TOL], draft:ID or probability:P[:BY] */
                    target: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description as `parley levers --format json` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Levers"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/outlook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Will there be a deal by a date: the agreement probability and, per model and issue, the terms if agreed, the expected outcome and its 50 %/90 % intervals */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OutlookRequest"];
                };
            };
            responses: {
                /** @description as `parley forecast --by DATE --format json` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Outlook"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The actors × issues matrix (as `parley show --format json`) */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the overview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseOverview"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Packages across all issues inside every veto holder's red lines, and the Pareto frontier */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    /** @description also the efficient package nearest this draft */
                    draft?: string;
                    points?: number;
                    scenario?: string;
                    seed?: number | null;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description as `parley packages --format json` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Packages"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/power": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Shapley-Shubik and Banzhaf indices under the case's decision rule, the minimal blocking coalitions, and who blocks each draft and package */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    /** @description only this draft, and the efficient package nearest it */
                    draft?: string;
                    issue?: string;
                    samples?: number;
                    seed?: number | null;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description as `parley power --format json` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Power"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forecast the case (agreement probability and predictive distributions) and append it to the record as a sealed entry */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RecordRequest"];
                };
            };
            responses: {
                /** @description the sealed entry */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SealedEntry"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report of a case (as `parley report`): key findings first, every analysis with its charts, the sources; HTML or Markdown, as a download */
        get: {
            parameters: {
                query?: {
                    /** @description the case as it stood that day */
                    asOf?: string;
                    /** @description the horizon of the agreement probability (default: six months after the clock starts) */
                    by?: string;
                    format?: "html" | "md";
                    /** @description Monte Carlo draws (default 500, at most 5000) */
                    runs?: number;
                    scenario?: string;
                    seed?: number | null;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the report document (text/html or text/markdown) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/research": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Research next: the estimates that move the forecast most and are least well evidenced */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ForecastRequest"];
                };
            };
            responses: {
                /** @description as `parley research --format json` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResearchReport"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore an earlier revision: a new revision with its content (the history is kept) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RestoreRequest"];
                };
            };
            responses: {
                /** @description the new revision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WriteResult"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The revision history of a case */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description oldest first; ETag: the latest revision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Revision"][];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the scenarios of a case (paged) */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    limit?: number;
                    offset?: number | null;
                    revision?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description a page of scenarios */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ScenarioPage"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a scenario (a new revision) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Scenario"];
                };
            };
            responses: {
                /** @description the new revision and the scenario */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: components["schemas"]["Scenario"];
                            revision: number;
                        };
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/scenarios/{scenarioId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One scenario */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    scenarioId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the scenario */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Scenario"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace a scenario (a new revision) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                    scenarioId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Scenario"];
                };
            };
            responses: {
                /** @description the new revision and the scenario */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: components["schemas"]["Scenario"];
                            revision: number;
                        };
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a scenario (a new revision; refused while anything refers to it) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                    scenarioId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the new revision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevisionOnly"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/scenarios/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Forecasts of the baseline and each scenario side by side */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    /** @description comma-separated model names (default: all) */
                    models?: string;
                    rounds?: number;
                    scenario?: string;
                    scenarios?: string;
                    seed?: number | null;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description as `parley scenarios --format json` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ScenarioComparison"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/sensitivity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Which input moves the forecast most */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ForecastRequest"];
                };
            };
            responses: {
                /** @description as `parley sensitivity --format json` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SensitivityReport"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a Monte Carlo simulation over the input uncertainty (a background job) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SimulateRequest"];
                };
            };
            responses: {
                /** @description the job to poll at /api/jobs/{jobId} */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobStarted"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/stances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stances of a case, optionally of one actor and/or issue (paged) */
        get: {
            parameters: {
                query?: {
                    actor?: string;
                    asOf?: string;
                    issue?: string;
                    limit?: number;
                    offset?: number | null;
                    revision?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description a page of stances */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StancePage"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Add or replace the stance of an actor on an issue at a date (a new revision) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Stance"];
                };
            };
            responses: {
                /** @description the new revision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StanceWrite"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete the stance of an actor on an issue at a date (no date: the undated stance) */
        delete: {
            parameters: {
                query: {
                    actor: string;
                    date?: string;
                    issue: string;
                };
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the new revision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevisionOnly"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The forecast re-run as of each date a stance changed */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    from?: string;
                    /** @description comma-separated model names (default: all) */
                    models?: string;
                    rounds?: number;
                    scenario?: string;
                    seed?: number | null;
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description as `parley timeline --format json` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Timeline"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/zopa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Zone of agreement per issue and the red lines that must move */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    /** @description comma-separated model names (default: all) */
                    models?: string;
                    rounds?: number;
                    scenario?: string;
                    seed?: number | null;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description as `parley zopa --format json` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ZoneOfAgreement"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a case file or another format (raw text body) */
        post: {
            parameters: {
                query?: {
                    /** @description yaml, json, bdm, or an importer name (detected when absent) */
                    format?: string;
                    /** @description id of the new case (default: the file's own, or derived from the name) */
                    id?: string;
                    /** @description the original file name: helps detection; importers derive the case id from it */
                    name?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description the file content as text */
            requestBody?: {
                content: {
                    "text/plain": string;
                };
            };
            responses: {
                /** @description imported as a new case */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WriteResult"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the evidence of every case (latest revisions) */
        get: {
            parameters: {
                query?: {
                    actor?: string;
                    case?: string;
                    from?: string;
                    issue?: string;
                    limit?: number;
                    offset?: number | null;
                    q?: string;
                    status?: "accepted" | "candidate" | "rejected";
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description a page of evidence rows with their case id */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceList"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers (nothing else is checked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the server is up */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ingest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Find quotes, speakers, sources, dates and actors in an article; with caseId, store the quotes as candidate evidence */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md) */
                    "if-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["IngestRequest"];
                };
            };
            responses: {
                /** @description as `parley ingest --format json`, plus `body` (the text the offsets point into), and `stored` and `revision` with caseId */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IngestResponse"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stored jobs, newest first (without results): what is queued, running or done, by status, kind and case */
        get: {
            parameters: {
                query?: {
                    case?: string;
                    kind?: string;
                    limit?: number;
                    /** @description comma-separated: queued, running, done, failed, cancelled (default all) */
                    status?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description at most `limit` jobs */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobList"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A background job: status, progress, result */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    jobId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the job */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Cancel a background job */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    jobId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the job, cancelled (or already finished) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every model and its parameters (type, default, range or choices, what it does, where it comes from): what `params: { <model>: { … } }` of a forecast accepts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the engines’ parameter tables, as docs/parameters.md lists them */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ModelList"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers and has every one of this version's migrations (503 when not) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ready to serve requests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ready"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description not ready: the database does not answer, or lacks a migration; error.message says which */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The record: its entries in order (optionally of one question or case), the chain check over the whole record, and the resolutions */
        get: {
            parameters: {
                query?: {
                    case?: string;
                    question?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description entries, verification, resolutions; ETag: the hash of the last entry */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecordList"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/record/questions/{question}/resolution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve a recorded question: {agreement: 0|1, outcome: {issue: value}, source: URL}, once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    question: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                /** @description the stored resolution */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StoredResolution"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/record/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scores of the resolved questions per model (absolute error, CRPS, coverage, Brier), across cases and per case; 409 when the record does not verify */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the scores */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecordScores"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stored forecast and simulation runs, newest first (without results) */
        get: {
            parameters: {
                query?: {
                    case?: string;
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description a page of runs */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunList"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A stored forecast or simulation run with its results */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description models, params, seed, input hash, engine version, results; ETag: the run id */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Run"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a stored forecast or simulation again on the same case revision and compare */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description whether the numbers are the same, bit for bit */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Replay"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, whether the server needs it, and the CSRF token of the session */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the session (user null when nobody is) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Sign in with a name and password: sets the session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoginRequest"];
                };
            };
            responses: {
                /** @description signed in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Sign out: ends the session and clears its cookie */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The accounts (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description every account, never a hash */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserList"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add an account (admin); its API token is in the answer, once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewUserRequest"];
                };
            };
            responses: {
                /** @description the account and its API token */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedUser"];
                    };
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an account, its tokens and sessions (admin; not the last admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description invalid request; error.path names the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a write without the bearer token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a foreign Host or a cross-site write (docs/security.md) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description unknown case, item, run or job */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description conflict (the id exists already) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match names an older revision than the current one (error.currentRevision) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description a whole-case PUT without If-Match, on a server off loopback */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description too many expensive requests from this client in a minute (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description an internal error (details in the server log) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Actor: {
            /** @default [] */
            aliases: string[];
            /** @description clout relative to the other actors (>= 0; only ratios matter; examples use 0-100) */
            capability: number | {
                /** @description highest plausible value */
                high?: number;
                /** @description lowest plausible value */
                low?: number;
                /** @description best estimate */
                value: number;
            };
            description?: string;
            /** @default [] */
            evidence: string[];
            id: string;
            /** @enum {string} */
            kind: "state" | "organisation" | "coalition" | "person";
            name: string;
            /** @default [] */
            speakers: {
                /** @default [] */
                aliases: string[];
                name: string;
                role?: string;
            }[];
        };
        ActorPage: {
            items: components["schemas"]["Actor"][];
            limit: number;
            offset: number;
            total: number;
        };
        AgreementBasis: {
            by: string;
            evidence: {
                /** @description share of draws with a zone of agreement on every joint issue */
                everyIssueOpen: number;
                floor: number;
                mean: number;
                slackScale: number;
            };
            issues: {
                /** @description whose consent binds: the veto holders, the decider or the voting members */
                actors: string[];
                /** @enum {string} */
                from: "issue" | "case" | "default";
                issue: string;
                medianSlack: number | null;
                /** @enum {string} */
                rule: "unanimity" | "qualified-majority" | "single";
                tightestShare: number | null;
                /** @description share of draws with a zone of agreement (null: decided alone) */
                zoneShare: number | null;
            }[];
            prior: {
                ceiling: number;
                derived: boolean;
                halfLifeYears: number;
                kind: string;
                /** @description the case’s own agreementPrior (else the base rate of its kind) */
                own: boolean;
                /** @description the prior probability of an agreement by the date */
                probability: number;
                source: string;
            };
            probability: number;
            /** @description the day the clock starts: the as-of date or the case’s latest date */
            start: string;
            years: number;
        } & {
            [key: string]: unknown;
        };
        AnalysisJobRequest: {
            /**
             * @description as POST …/sensitivity, POST …/research, GET …/scenarios/compare, GET …/timeline
             * @enum {string}
             */
            kind: "sensitivity" | "research" | "scenarios" | "timeline";
            options?: {
                /** Format: date */
                asOf?: string;
                /**
                 * Format: date
                 * @description timeline only: the first date
                 */
                from?: string;
                models?: string[];
                params?: components["schemas"]["ModelParams"];
                rounds?: number;
                scenario?: string;
                /** @description scenarios only: the scenarios to compare (default: all) */
                scenarios?: string[];
                seed?: number;
                /**
                 * Format: date
                 * @description timeline only: the last date
                 */
                to?: string;
            };
        } | {
            /** @enum {string} */
            kind: "packages";
            /** @description as GET …/packages */
            options?: {
                /** Format: date */
                asOf?: string;
                /** @description also the efficient package nearest this draft */
                draft?: string;
                points?: number;
                scenario?: string;
                seed?: number | null;
            };
        } | {
            /** @enum {string} */
            kind: "power";
            /** @description as GET …/power */
            options?: {
                /** Format: date */
                asOf?: string;
                /** @description only this draft, and the efficient package nearest it */
                draft?: string;
                issue?: string;
                samples?: number;
                seed?: number | null;
            };
        } | {
            /** @enum {string} */
            kind: "levers";
            /** @description as GET …/levers (a target is required) */
            options: {
                /** Format: date */
                asOf?: string;
                /** @description value targets: a search model starts no new search after this many runs (default 2000) */
                budget?: number;
                /** @description value targets: comma-separated model names (default: every model but status-quo) */
                model?: string;
                /** @description Monte Carlo draws (default 100) */
                runs?: number | null;
                scenario?: string;
                seed?: number | null;
                /** @description zone, zone:ISSUE, value:ISSUE=V[:TOL], draft:ID or probability:P[:BY] */
                target: string;
            };
        };
        BacktestJobRequest: {
            /** @description fit the error models on these cases instead (as `--calibration`) */
            calibration?: string[];
            /** @description the stored cases to score (each needs issues with an `outcome`) */
            caseIds: string[];
            options?: {
                bootstrap?: number;
                draws?: number;
                folds?: number;
                models?: string[];
                seed?: number;
            };
        };
        Case: {
            $schema?: string;
            actors: {
                /** @default [] */
                aliases: string[];
                /** @description clout relative to the other actors (>= 0; only ratios matter; examples use 0-100) */
                capability: number | {
                    /** @description highest plausible value */
                    high?: number;
                    /** @description lowest plausible value */
                    low?: number;
                    /** @description best estimate */
                    value: number;
                };
                description?: string;
                /** @default [] */
                evidence: string[];
                id: string;
                /** @enum {string} */
                kind: "state" | "organisation" | "coalition" | "person";
                name: string;
                /** @default [] */
                speakers: {
                    /** @default [] */
                    aliases: string[];
                    name: string;
                    role?: string;
                }[];
            }[];
            agreementPrior?: {
                /** @description share of such negotiations that ever reach an agreement */
                ceiling: number;
                /** @description among those that do: half of them agree within this many years */
                halfLifeYears: number;
                /** @description where the numbers come from */
                source: string;
            };
            /** @description how a deal is decided; on an issue, overrides the case rule */
            decision?: {
                /** @description qualified-majority: share of the members needed, in (0, 1] (default: none) */
                countThreshold?: number;
                /** @description single: the actor who decides alone */
                decider?: string;
                /** @description qualified-majority: the actors who vote (default: every actor) */
                members?: string[];
                note?: string;
                /**
                 * @description unanimity of the veto holders, a qualified (weighted) majority, or a single decider
                 * @enum {string}
                 */
                rule: "unanimity" | "qualified-majority" | "single";
                /** @description qualified-majority: share of the members' capability needed, in (0, 1] (default 0.65) */
                threshold?: number;
                /** @description unanimity: the actors whose consent is needed (default: those whose red line carries veto: true) */
                vetoHolders?: string[];
            };
            description?: string;
            /** @default [] */
            drafts: {
                /** Format: date */
                date: string;
                description?: string;
                /** @default [] */
                evidence: string[];
                id: string;
                /** @default [] */
                points: {
                    number: number | string;
                    text: string;
                    uncertain?: boolean;
                    /**
                     * @description issue values the point implies: {issueId: value}
                     * @default {}
                     */
                    values: {
                        [key: string]: number;
                    };
                }[];
                revises?: string;
                sponsor?: string;
                title: string;
                uncertain?: boolean;
            }[];
            /** @default [] */
            events: {
                /** Format: date */
                date: string;
                /** @default [] */
                evidence: string[];
                id: string;
                /** @enum {string} */
                kind: "meeting" | "deadline" | "draft" | "statement" | "other";
                note?: string;
                /** @default [] */
                participants: string[];
                place?: string;
                title: string;
                uncertain?: boolean;
            }[];
            /** @default [] */
            evidence: {
                actor?: string;
                /** @description Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged */
                credibility?: number;
                /** Format: date */
                date: string;
                id: string;
                /** @default [] */
                issues: string[];
                /** @enum {string} */
                kind: "quote" | "report" | "document" | "statement";
                note?: string;
                outlet?: string;
                /** @description independent outlets carrying it (syndicated copies count once) */
                outlets?: number;
                /**
                 * @description Admiralty source reliability: A reliable … E unreliable, F cannot be judged
                 * @enum {string}
                 */
                reliability?: "A" | "B" | "C" | "D" | "E" | "F";
                /** @description true, or {date, note}: retracted evidence does not count */
                retracted?: boolean | {
                    /** Format: date */
                    date?: string;
                    note?: string;
                };
                /** @description when the words were said (YYYY-MM-DD, YYYY-MM or YYYY), beside the date reported */
                saidOn?: string;
                speaker?: string;
                /**
                 * @description candidate evidence (from ingestion) awaits review
                 * @default accepted
                 * @enum {string}
                 */
                status: "accepted" | "candidate" | "rejected";
                text: string;
                uncertain?: boolean;
                /** Format: uri */
                url?: string;
            }[];
            /** @description news feeds the server polls for candidate evidence (parley serve; docs/evidence.md) */
            feeds?: {
                /** @description how often the server polls the feed: minutes, hours or days (30m, 1h, 1d); default 1h, at least 5m */
                every?: string;
                /** @description a short name for the feed (default: its host); new candidates are written by "feed:<label>" */
                label?: string;
                /**
                 * Format: uri
                 * @description the RSS or Atom feed (http or https; fetched through the server's URL guard)
                 */
                url: string;
            }[];
            id: string;
            issues: {
                /** @default [] */
                aliases: string[];
                /** @description how a deal is decided; on an issue, overrides the case rule */
                decision?: {
                    /** @description qualified-majority: share of the members needed, in (0, 1] (default: none) */
                    countThreshold?: number;
                    /** @description single: the actor who decides alone */
                    decider?: string;
                    /** @description qualified-majority: the actors who vote (default: every actor) */
                    members?: string[];
                    note?: string;
                    /**
                     * @description unanimity of the veto holders, a qualified (weighted) majority, or a single decider
                     * @enum {string}
                     */
                    rule: "unanimity" | "qualified-majority" | "single";
                    /** @description qualified-majority: share of the members' capability needed, in (0, 1] (default 0.65) */
                    threshold?: number;
                    /** @description unanimity: the actors whose consent is needed (default: those whose red line carries veto: true) */
                    vetoHolders?: string[];
                };
                description?: string;
                id: string;
                outcome?: number;
                /**
                 * @default {
                 *       "min": 0,
                 *       "max": 100,
                 *       "anchors": []
                 *     }
                 */
                scale: {
                    /** @default [] */
                    anchors: {
                        at: number;
                        label: string;
                    }[];
                    /** @description only the anchors (or whole numbers) are possible outcomes */
                    discrete?: boolean;
                    /** @default 100 */
                    max: number;
                    /** @default 0 */
                    min: number;
                    unit?: string;
                };
                /** @description where the issue stands now, on its scale */
                statusQuo: number;
                title: string;
            }[];
            /** @enum {string} */
            kind?: "war" | "eu-legislation" | "trade" | "climate" | "coalition" | "labour" | "other";
            /** @default [] */
            scenarios: {
                changes: {
                    actor?: string;
                    /** @enum {string} */
                    field: "position" | "salience" | "capability" | "redLineMin" | "redLineMax" | "statusQuo";
                    issue?: string;
                    value: number;
                }[];
                description?: string;
                id: string;
                title: string;
            }[];
            /** @default [] */
            stances: {
                actor: string;
                /** @description a number, or {value, low, high} */
                capability?: number | {
                    /** @description highest plausible value */
                    high?: number;
                    /** @description lowest plausible value */
                    low?: number;
                    /** @description best estimate */
                    value: number;
                };
                /** Format: date */
                date?: string;
                /** @default [] */
                evidence: string[];
                issue: string;
                /** @description the actor's position on the issue's scale */
                position: number | {
                    /** @description highest plausible value */
                    high?: number;
                    /** @description lowest plausible value */
                    low?: number;
                    /** @description best estimate */
                    value: number;
                };
                rationale?: string;
                redLine?: {
                    max?: number;
                    /** @description uncertain red line: the range max may lie in ({low, high} around max) */
                    maxRange?: {
                        high: number;
                        low: number;
                    };
                    min?: number;
                    /** @description uncertain red line: the range min may lie in ({low, high} around min) */
                    minRange?: {
                        high: number;
                        low: number;
                    };
                    note?: string;
                    /**
                     * @description whether the actor can block a deal outside this range
                     * @default false
                     */
                    veto: boolean;
                };
                /** @description how much the actor cares, 0 (indifferent) to 100 (top priority) */
                salience: number | {
                    /** @description highest plausible value */
                    high?: number;
                    /** @description lowest plausible value */
                    low?: number;
                    /** @description best estimate */
                    value: number;
                };
                /** @description rests on uncertain, single-sourced or disputed facts */
                uncertain?: boolean;
            }[];
            title: string;
        };
        CaseList: {
            items: components["schemas"]["CaseSummary"][];
            limit: number;
            offset: number;
            total: number;
        };
        CaseOverview: {
            actors: {
                capability: {
                    high?: number;
                    low?: number;
                    value: number;
                };
                id: string;
                kind: string;
                name: string;
            }[];
            asOf: string | null;
            case: {
                id: string;
                title: string;
            };
            cells: {
                actor: string;
                date: string | null;
                evidenceCount: number;
                issue: string;
                position: {
                    high?: number;
                    low?: number;
                    value: number;
                };
                redLine: {
                    max?: number;
                    /** @description uncertain red line: the range max may lie in ({low, high} around max) */
                    maxRange?: {
                        high: number;
                        low: number;
                    };
                    min?: number;
                    /** @description uncertain red line: the range min may lie in ({low, high} around min) */
                    minRange?: {
                        high: number;
                        low: number;
                    };
                    note?: string;
                    /**
                     * @description whether the actor can block a deal outside this range
                     * @default false
                     */
                    veto: boolean;
                } | null;
                salience: {
                    high?: number;
                    low?: number;
                    value: number;
                };
                uncertain: boolean;
            }[];
            counts: {
                actors: number;
                drafts: number;
                events: number;
                evidence: number;
                issues: number;
                scenarios: number;
                stances: number;
            };
            issues: {
                id: string;
                scale: {
                    /** @default [] */
                    anchors: {
                        at: number;
                        label: string;
                    }[];
                    /** @description only the anchors (or whole numbers) are possible outcomes */
                    discrete?: boolean;
                    /** @default 100 */
                    max: number;
                    /** @default 0 */
                    min: number;
                    unit?: string;
                };
                statusQuo: number;
                title: string;
            }[];
        };
        CaseSummary: {
            actors: number;
            drafts: number;
            evidence: number;
            id: string;
            issues: number;
            revision: number;
            title: string;
            updatedAt: string;
        };
        CreatedUser: {
            name: string;
            /** @enum {string} */
            role: "viewer" | "analyst" | "admin";
            token: string;
        };
        DealPackage: {
            from?: string;
            gains: {
                [key: string]: number;
            };
            /** @enum {string} */
            kind: "maxmin" | "nash" | "ks" | "nearest";
            values: {
                [key: string]: number;
            };
        };
        Draft: {
            /** Format: date */
            date: string;
            description?: string;
            /** @default [] */
            evidence: string[];
            id: string;
            /** @default [] */
            points: {
                number: number | string;
                text: string;
                uncertain?: boolean;
                /**
                 * @description issue values the point implies: {issueId: value}
                 * @default {}
                 */
                values: {
                    [key: string]: number;
                };
            }[];
            revises?: string;
            sponsor?: string;
            title: string;
            uncertain?: boolean;
        };
        DraftChecks: {
            /** @enum {string} */
            against: "draft-date" | "latest";
            asOf: string | null;
            case: {
                id: string;
                title: string;
            };
            drafts: {
                crossings: {
                    actor: string;
                    /** @enum {string} */
                    bound: "min" | "max";
                    by: number;
                    issue: string;
                    limit: number;
                    point: string;
                    value: number;
                    veto: boolean;
                }[];
                date: string;
                distanceFromForecast: {
                    [key: string]: {
                        issues: {
                            [key: string]: number;
                        };
                        mean: number;
                    };
                };
                draft: string;
                firstRecordedLater: {
                    actor: string;
                    date: string;
                    issue: string;
                }[];
                linesAsOf: string | null;
                sponsor: string | null;
                title: string;
                utilities: {
                    actor: string;
                    utility: number;
                    vsForecast: {
                        [key: string]: number;
                    };
                    vsStatusQuo: number;
                }[];
                vetoedBy: string[];
            }[];
            forecasts: {
                [key: string]: number[];
            };
            models: string[];
            scenario: string | null;
        };
        DraftDiff: {
            a: {
                date: string;
                id: string;
                title: string;
            };
            b: {
                date: string;
                id: string;
                title: string;
            };
            case: {
                id: string;
                title: string;
            };
            issues: {
                from: number | null;
                gains: {
                    actor: string;
                    change: number;
                }[];
                issue: string;
                to: number | null;
            }[];
            netGains: {
                actor: string;
                change: number;
            }[];
            points: {
                numberA: string | null;
                numberB: string | null;
                renumbered: boolean;
                similarity: number;
                /** @enum {string} */
                status: "unchanged" | "modified" | "removed" | "added";
                text: {
                    /** @enum {string} */
                    op: "equal" | "insert" | "delete";
                    text: string;
                }[];
                textA: string | null;
                textB: string | null;
                valueChanges: {
                    from: number | null;
                    gains: {
                        actor: string;
                        change: number;
                    }[];
                    issue: string;
                    to: number | null;
                }[];
            }[];
        };
        DraftPage: {
            items: components["schemas"]["Draft"][];
            limit: number;
            offset: number;
            total: number;
        };
        Error: {
            error: {
                message: string;
                path: string | null;
                problems?: {
                    message: string;
                    path: string;
                }[];
            };
        };
        Event: {
            /** Format: date */
            date: string;
            /** @default [] */
            evidence: string[];
            id: string;
            /** @enum {string} */
            kind: "meeting" | "deadline" | "draft" | "statement" | "other";
            note?: string;
            /** @default [] */
            participants: string[];
            place?: string;
            title: string;
            uncertain?: boolean;
        };
        EventPage: {
            items: components["schemas"]["Event"][];
            limit: number;
            offset: number;
            total: number;
        };
        Evidence: {
            actor?: string;
            /** @description Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged */
            credibility?: number;
            /** Format: date */
            date: string;
            id: string;
            /** @default [] */
            issues: string[];
            /** @enum {string} */
            kind: "quote" | "report" | "document" | "statement";
            note?: string;
            outlet?: string;
            /** @description independent outlets carrying it (syndicated copies count once) */
            outlets?: number;
            /**
             * @description Admiralty source reliability: A reliable … E unreliable, F cannot be judged
             * @enum {string}
             */
            reliability?: "A" | "B" | "C" | "D" | "E" | "F";
            /** @description true, or {date, note}: retracted evidence does not count */
            retracted?: boolean | {
                /** Format: date */
                date?: string;
                note?: string;
            };
            /** @description when the words were said (YYYY-MM-DD, YYYY-MM or YYYY), beside the date reported */
            saidOn?: string;
            speaker?: string;
            /**
             * @description candidate evidence (from ingestion) awaits review
             * @default accepted
             * @enum {string}
             */
            status: "accepted" | "candidate" | "rejected";
            text: string;
            uncertain?: boolean;
            /** Format: uri */
            url?: string;
        };
        EvidenceList: {
            items: components["schemas"]["EvidenceRow"][];
            limit: number;
            offset: number;
            total: number;
        };
        EvidencePage: {
            items: components["schemas"]["Evidence"][];
            limit: number;
            offset: number;
            total: number;
        };
        EvidenceRow: {
            actor: string | null;
            caseId: string;
            date: string;
            id: string;
            issues: string[];
            kind: string;
            outlet: string | null;
            speaker: string | null;
            status: string;
            text: string;
            url: string | null;
        };
        /** @description a news feed the server polls, queueing the quotes of new items as candidate evidence for review */
        Feed: {
            /** @description how often the server polls the feed: minutes, hours or days (30m, 1h, 1d); default 1h, at least 5m */
            every?: string;
            /** @description a short name for the feed (default: its host); new candidates are written by "feed:<label>" */
            label?: string;
            /**
             * Format: uri
             * @description the RSS or Atom feed (http or https; fetched through the server's URL guard)
             */
            url: string;
        };
        FeedList: {
            feeds: components["schemas"]["FeedStatus"][];
            revision: number;
        };
        FeedPollOutcome: {
            /** @description ids of the candidates added from this feed */
            added: string[];
            error?: string;
            /** @description items that could not be read (when they are tried again, given up, or the feed's own text used) */
            itemErrors: string[];
            /** @description items in the feed */
            items: number;
            label: string;
            /** @description new items this poll took */
            newItems: number;
            /**
             * @description failed: the feed could not be fetched or read (error); busy: another poll held it
             * @enum {string}
             */
            status: "polled" | "failed" | "busy";
            url: string;
            /** @description new items not tried this poll: their page failed before and their next try is at a later poll */
            waiting: number;
        };
        FeedPollResult: {
            added: string[];
            /** @description the poll wrote a revision (false: no new quote and no outlet raised) */
            changed: boolean;
            /** @description the candidate evidence added (status candidate, pending review) */
            evidence: components["schemas"]["Evidence"][];
            feeds: components["schemas"]["FeedPollOutcome"][];
            /** @description candidates already in the case whose independent outlets this poll's articles raised (an outlet not counted for the quote, in an article that copies none of its stored carriers), with the new count */
            raised: {
                id: string;
                outlets: number;
            }[];
            /** @description the case's revision after the poll */
            revision: number;
        };
        FeedsRequest: {
            feeds: components["schemas"]["Feed"][];
        };
        FeedStatus: {
            /** @description the poll interval as the case gives it (default 1h) */
            every: string;
            everyMs: number;
            /** @description items given up after 5 failed tries (taken as seen) */
            failedItems: number;
            /** @description distinct items seen over all polls */
            itemsSeen: number;
            /** @description the feed's label, else its URL's host */
            label: string;
            /** @description the last poll's error (null when it succeeded) */
            lastError: string | null;
            /** @description the last given-up item's error (null: none given up) */
            lastItemError: string | null;
            /** @description candidates the last poll added */
            lastNew: number;
            /**
             * @description when the last poll that succeeded began
             * @example 2026-12-03T07:00:00.000Z
             */
            lastOkAt: string | null;
            /**
             * @description when the last poll began (null: never polled)
             * @example 2026-12-03T07:00:00.000Z
             */
            lastPolledAt: string | null;
            /**
             * @description when the scheduler polls it next
             * @example 2026-12-03T07:00:00.000Z
             */
            nextPollAt: string;
            /** @description a poll holds the feed now */
            polling: boolean;
            /** @description items that gave no text (page failed, no summary), waiting for their next try (after 1, 2, 4, 8 polls) */
            retryingItems: number;
            /** @description candidates added by all polls */
            totalNew: number;
            url: string;
        };
        ForecastRequest: {
            /** Format: date */
            asOf?: string;
            models?: string[];
            params?: components["schemas"]["ModelParams"];
            rounds?: number;
            scenario?: string;
            seed?: number;
        };
        ForecastResponse: {
            results: components["schemas"]["ForecastResult"][];
            runId: string;
        };
        ForecastResult: {
            actors: string[];
            issues: string[];
            model: string;
            outcome: {
                [key: string]: number | null;
            };
            params: {
                [key: string]: unknown;
            };
            rounds: ({
                moves: {
                    actor: string;
                    detail?: {
                        [key: string]: unknown;
                    };
                    from: number | null;
                    issue: string;
                    to: number | null;
                    why: string;
                }[];
                outcome: {
                    [key: string]: number | null;
                };
                positions: {
                    [key: string]: {
                        [key: string]: number | null;
                    };
                };
            } & {
                [key: string]: unknown;
            })[];
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            version: string;
        };
        IngestQuote: {
            actor: string | null;
            cue: string | null;
            end: number;
            issues: string[];
            partial: boolean;
            speaker: string | null;
            speakerMention: string | null;
            /** @description offset into `body` (UTF-16 code units) */
            start: number;
            text: string;
        };
        IngestRequest: {
            caseId?: string;
            /** Format: date */
            date?: string;
            html?: string;
            outlet?: string;
            /** @description the article; may start with a Title:/Date:/Outlet:/URL: header closed by a line --- */
            text?: string;
            title?: string;
            /** Format: uri */
            url?: string;
        };
        IngestResponse: {
            actors: string[];
            article: {
                date: string | null;
                outlet: string | null;
                title: string | null;
                url?: string;
            };
            body: string;
            dates: {
                /** @enum {string} */
                granularity: "day" | "month" | "year";
                resolved: string | null;
                text: string;
            }[];
            quotes: components["schemas"]["IngestQuote"][];
            /** @description with caseId: candidates already in the case whose independent outlets this article raised, with the new count */
            raised?: {
                id: string;
                outlets: number;
            }[];
            /** @description with caseId: the case revision after the ingest (unchanged when nothing was added or raised) */
            revision?: number;
            sources: string[];
            /** @description with caseId: ids of the new candidate evidence */
            stored?: string[];
        };
        Issue: {
            /** @default [] */
            aliases: string[];
            /** @description how a deal is decided; on an issue, overrides the case rule */
            decision?: {
                /** @description qualified-majority: share of the members needed, in (0, 1] (default: none) */
                countThreshold?: number;
                /** @description single: the actor who decides alone */
                decider?: string;
                /** @description qualified-majority: the actors who vote (default: every actor) */
                members?: string[];
                note?: string;
                /**
                 * @description unanimity of the veto holders, a qualified (weighted) majority, or a single decider
                 * @enum {string}
                 */
                rule: "unanimity" | "qualified-majority" | "single";
                /** @description qualified-majority: share of the members' capability needed, in (0, 1] (default 0.65) */
                threshold?: number;
                /** @description unanimity: the actors whose consent is needed (default: those whose red line carries veto: true) */
                vetoHolders?: string[];
            };
            description?: string;
            id: string;
            outcome?: number;
            /**
             * @default {
             *       "min": 0,
             *       "max": 100,
             *       "anchors": []
             *     }
             */
            scale: {
                /** @default [] */
                anchors: {
                    at: number;
                    label: string;
                }[];
                /** @description only the anchors (or whole numbers) are possible outcomes */
                discrete?: boolean;
                /** @default 100 */
                max: number;
                /** @default 0 */
                min: number;
                unit?: string;
            };
            /** @description where the issue stands now, on its scale */
            statusQuo: number;
            title: string;
        };
        IssuePage: {
            items: components["schemas"]["Issue"][];
            limit: number;
            offset: number;
            total: number;
        };
        Job: {
            /** @description the case the job is of (none for a backtest of many cases) */
            caseId?: string;
            createdAt: string;
            error?: string;
            finishedAt: string | null;
            id: string;
            kind: string;
            progress: number;
            /** @description when done: for kind "simulate", a SimulationJobResult; for an analysis or deal kind, the synchronous route’s JSON with the `runId` it was stored as; for "backtest", `parley backtest --format json` (not a run) */
            result?: unknown;
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed" | "cancelled";
        };
        JobList: {
            /** @description newest first, without results (GET /api/jobs/{id} has it) */
            items: {
                /** @description the case the job is of (none for a backtest of many cases) */
                caseId?: string;
                createdAt: string;
                error?: string;
                finishedAt: string | null;
                id: string;
                kind: string;
                progress: number;
                startedAt: string | null;
                /** @enum {string} */
                status: "queued" | "running" | "done" | "failed" | "cancelled";
            }[];
        };
        JobStarted: {
            jobId: string;
        };
        Lever: {
            /** @description the forecast (value targets) or probability (probability targets) with the lever applied */
            achieved: number | null;
            actor: string;
            /**
             * @description for a red line: which bound moves
             * @enum {string}
             */
            bound?: "min" | "max";
            /** @description to − from */
            by: number;
            /** @description |by| over the scale width (positions, red lines), over 100 (salience), over the actors’ total capability */
            byNormalized: number;
            /** @enum {string} */
            field: "position" | "salience" | "capability" | "redLine";
            from: number;
            /** @description null: the actor's overall capability */
            issue: string | null;
            /** @description share of Monte Carlo draws in which the lever reaches the target (null: runs = 0, or a probability target) */
            mcShare: number | null;
            /** @enum {string} */
            method: "closed-form" | "exact" | "bisection" | "greedy";
            /** @description the model whose forecast the lever moves; null for model-free targets */
            model: string | null;
            /** @description to lies outside the range the estimate or red line is given with */
            outsideEvidence: boolean;
            /** @description zone and draft targets: the issue whose part the lever reaches */
            part: string | null;
            /** @enum {boolean} */
            reaches: true;
            to: number;
            /** @description other moves needed together with this one */
            with: {
                actor: string;
                /**
                 * @description for a red line: which bound moves
                 * @enum {string}
                 */
                bound?: "min" | "max";
                /** @description to − from */
                by: number;
                /** @enum {string} */
                field: "position" | "salience" | "capability" | "redLine";
                from: number;
                /** @description null: the actor's overall capability */
                issue: string | null;
                to: number;
            }[];
        };
        Levers: {
            asOf: string | null;
            /** @description before any lever: each model’s forecast (value), or the probability */
            baseline: {
                [key: string]: number;
            } | null;
            case: {
                id: string;
                title: string;
            };
            /** @description ranked: the least normalized movement (with the moves it needs) first, then the larger Monte Carlo share */
            levers: components["schemas"]["Lever"][];
            notes: string[];
            /** @description zone and draft targets: the issues that each need a lever */
            parts: string[];
            reachable: boolean;
            runs: number;
            scenario: string | null;
            seed: number;
            /** @description the target as read */
            target: {
                by?: string;
                draft?: string;
                issue?: string | null;
                /** @enum {string} */
                kind: "zone" | "value" | "draft" | "probability";
                probability?: number;
                text: string;
                tolerance?: number;
                value?: number;
            };
        };
        LoginRequest: {
            name: string;
            password: string;
        };
        ModelList: {
            /** @description every model, with its parameters (empty: it takes none) */
            models: {
                model: string;
                params: components["schemas"]["ModelParam"][];
            }[];
        };
        ModelParam: {
            choices?: string[];
            default: number | string | boolean | number[];
            help: string;
            /** @description for bits: the largest value of each entry */
            max?: number;
            min?: number;
            /** @description the lower bound itself is not allowed: (min, max] */
            minExclusive?: boolean;
            name: string;
            source?: string;
            /** @enum {string} */
            type: "integer" | "number" | "enum" | "boolean" | "bits";
        };
        /** @description each model's parameters by model name (or, the older flat form, by parameter name); absent ones take their defaults (docs/parameters.md) */
        ModelParams: {
            /** @description flat form, for exchange (each chosen model that has it; an enum value only to the models whose choice it is): exchange: double: fast; decimal: decide’s own 28-digit decimals and list order, operation for operation (equal-gain only; with tieChoices reproduces a decide run) (double | decimal; default "double") */
            arithmetic?: number | string | boolean | number[];
            /** @description flat form, for smp (each chosen model that has it; an enum value only to the models whose choice it is): smp: whose interpolation goes into the queues: the initiator’s (InitOnlyInterp), the initiator’s and the receiver’s (InitRcvrInterp), or their capability × salience weighted average (PWCompInterp) (InitOnlyInterp | InitRcvrInterp | PWCompInterp; default "InitOnlyInterp") */
            BargnModel?: number | string | boolean | number[];
            /** @description bdm's parameters; each absent one takes its default (docs/parameters.md) */
            bdm?: {
                /**
                 * @description bdm: probability that the status quo holds when nobody challenges (Scholz: 1 for the EC case; BDM: 0.5) ([0, 1]). Source: Scholz, Calbert & Smith (2011), J. Theoretical Politics 23(4), eqs. 5–7 (Q).
                 * @default 1
                 */
                q: number;
                /**
                 * @description bdm: rounds of the iterative model (0: the input as it is) (integer in [0, 100000]). Source: Scholz, Calbert & Smith (2011), J. Theoretical Politics 23(4), Appendix algorithm; the replication log ExampleActors.10r.log runs 10.
                 * @default 10
                 */
                rounds: number;
                /**
                 * @description bdm: paper: the paper’s specification; reference: the jmckib/dmasad replication code’s behaviour (ExampleActors.10r.log) (paper | reference). Source: Scholz, Calbert & Smith (2011), J. Theoretical Politics 23(4); github.com/jmckib/bdm-scholz-expected-utility-model.
                 * @default paper
                 * @enum {string}
                 */
                variant: "paper" | "reference";
            };
            /** @description flat form, for smp (each chosen model that has it; an enum value only to the models whose choice it is): smp: how much of another actor’s risk attitude an actor perceives: Full, TwoThirds, Half, OneThird ((2R_h + R_i)/3) or No (Full | TwoThirds | Half | OneThird | No; default "OneThird") */
            BigRAdjust?: number | string | boolean | number[];
            /** @description flat form, for smp (each chosen model that has it; an enum value only to the models whose choice it is): smp: the range of the risk attitudes inferred from the risk-neutral PCE: Min, Mid (R = (3p − p_max − 2p_min)/(2(p_max − p_min))) or Max (Min | Mid | Max; default "Mid") */
            BigRRange?: number | string | boolean | number[];
            /** @description flat form, for nash (each chosen model that has it; an enum value only to the models whose choice it is): nash: with rule coalition: the capability share a decisive coalition needs (e.g. QMV); reported as 1 under unanimity ((0, 1]; default 0.5) */
            coalitionShare?: number | string | boolean | number[];
            /** @description compromise's parameters; each absent one takes its default (docs/parameters.md) */
            compromise?: Record<string, never>;
            /** @description exchange's parameters; each absent one takes its default (docs/parameters.md) */
            exchange?: {
                /**
                 * @description exchange: double: fast; decimal: decide’s own 28-digit decimals and list order, operation for operation (equal-gain only; with tieChoices reproduces a decide run) (double | decimal). Source: decide-exchange-model (github.com/foarsitter/decide-exchange-model) (Python decimal, 28 digits).
                 * @default double
                 * @enum {string}
                 */
                arithmetic: "double" | "decimal";
                /**
                 * @description exchange: REX randomness with variant random: 0 = equal gain, 1 = any division of the gain (ignored by equal-gain, reported as 0) ([0, 1]). Source: Dijkstra, Van Assen & Stokman (2008), REX.
                 * @default 0.5
                 */
                p: number;
                /**
                 * @description exchange: rounds of the iterative model (0: the input as it is) (integer in [0, 100000]). Source: Stokman & Van Oosten (1994), in Bueno de Mesquita & Stokman (eds.), European Community Decision Making, ch. 7; decide-exchange-model (github.com/foarsitter/decide-exchange-model) (restart rule).
                 * @default 10
                 */
                rounds: number;
                /**
                 * @description exchange: seed of the model’s random elements (same seed, same result) (integer in [0, 2^53−1]). Source: the seeded coin of tieBreak random and the REX draws (src/engines/random.ts); Python’s random.seed for tieBreak python.
                 * @default 0
                 */
                seed: number;
                /**
                 * @description exchange: two best exchanges with equal gains: a seeded coin as decide (random), the first or the second listed, or python: decide’s own coin, Python’s random.random() after random.seed(seed) (random | first | second | python). Source: decide-exchange-model (github.com/foarsitter/decide-exchange-model), model/base.py.
                 * @default random
                 * @enum {string}
                 */
                tieBreak: "random" | "first" | "second" | "python";
                /**
                 * @description exchange: decide’s coin flips to replay at the first ties, in order (0: the first listed realized, 1: the runner-up; +2: swap which equal gain counts as listed first); later ties follow tieBreak (comma-separated integers 0–3). Source: decide-exchange-model (github.com/foarsitter/decide-exchange-model) (replaying a recorded run).
                 * @default []
                 */
                tieChoices: number[];
                /**
                 * @description exchange: equal-gain: both sides gain the same; random: REX, a randomized division of the gain (see p) (equal-gain | random). Source: Stokman & Van Oosten (1994), in Bueno de Mesquita & Stokman (eds.), European Community Decision Making, ch. 7; Dijkstra, Van Assen & Stokman (2008), REX.
                 * @default equal-gain
                 * @enum {string}
                 */
                variant: "equal-gain" | "random";
            };
            /** @description flat form, for smp (each chosen model that has it; an enum value only to the models whose choice it is): smp: how a bargain interpolates the two positions per dimension: S1P1 (weights s·P), S2P2 ((s·P)²) or S2PMax (only the weaker side moves) (S1P1 | S2P2 | S2PMax; default "S2P2") */
            InterVecBrgn?: number | string | boolean | number[];
            /** @description flat form, for smp (each chosen model that has it; an enum value only to the models whose choice it is): smp: on one dimension with proportional votes, the O(N² log N) form of the coalition sums (the same result; false: the general O(N³) sums) (true | false; default true) */
            lineShortcut?: number | string | boolean | number[];
            /** @description flat form, for smp (each chosen model that has it; an enum value only to the models whose choice it is): smp: the largest number of turns (the run stops earlier when the positions settle); `rounds` is accepted for it (integer in [1, 100000]; default 100) */
            maxTurns?: number | string | boolean | number[];
            /** @description median's parameters; each absent one takes its default (docs/parameters.md) */
            median?: Record<string, never>;
            /** @description flat form, for smp (each chosen model that has it; an enum value only to the models whose choice it is): smp: turns always run before the stopping rule (relative change < 0.02) applies (integer in [1, 100000]; default 2) */
            minTurns?: number | string | boolean | number[];
            /** @description nash's parameters; each absent one takes its default (docs/parameters.md) */
            nash?: {
                /**
                 * @description nash: with rule coalition: the capability share a decisive coalition needs (e.g. QMV); reported as 1 under unanimity ((0, 1]). Source: Achen (2006), in Thomson et al., The European Union Decides, ch. 10.
                 * @default 0.5
                 */
                coalitionShare: number;
                /**
                 * @description nash: who must gain over the status quo: every actor with salience > 0 (unanimity) or a decisive coalition on one side (unanimity | coalition). Source: Nash (1950); Kalai (1977); Achen (2006), in Thomson et al., The European Union Decides, ch. 10.
                 * @default unanimity
                 * @enum {string}
                 */
                rule: "unanimity" | "coalition";
                /**
                 * @description nash: the actors’ utilities: linear −s|x−xᵢ| or quadratic −s(x−xᵢ)² (linear | quadratic). Source: Achen (2006), in Thomson et al., The European Union Decides, ch. 10.
                 * @default linear
                 * @enum {string}
                 */
                utility: "linear" | "quadratic";
            };
            /** @description flat form, for exchange (each chosen model that has it; an enum value only to the models whose choice it is): exchange: REX randomness with variant random: 0 = equal gain, 1 = any division of the gain (ignored by equal-gain, reported as 0) ([0, 1]; default 0.5) */
            p?: number | string | boolean | number[];
            /** @description flat form, for smp (each chosen model that has it; an enum value only to the models whose choice it is): smp: the probabilistic Condorcet election: Conditional p_a ∝ Π_b P(a>b), or the fixed point of a Markov chain over the options (MarkovIncentive, MarkovUniform) (Conditional | MarkovIncentive | MarkovUniform; default "Conditional") */
            PCEModel?: number | string | boolean | number[];
            /** @description flat form, for bdm (each chosen model that has it; an enum value only to the models whose choice it is): bdm: probability that the status quo holds when nobody challenges (Scholz: 1 for the EC case; BDM: 0.5) ([0, 1]; default 1) */
            q?: number | string | boolean | number[];
            /** @description flat form, for bdm, exchange (each chosen model that has it; an enum value only to the models whose choice it is): bdm: rounds of the iterative model (0: the input as it is) (integer in [0, 100000]; default 10) · exchange: rounds of the iterative model (0: the input as it is) (integer in [0, 100000]; default 10) */
            rounds?: number | string | boolean | number[];
            /** @description flat form, for nash (each chosen model that has it; an enum value only to the models whose choice it is): nash: who must gain over the status quo: every actor with salience > 0 (unanimity) or a decisive coalition on one side (unanimity | coalition; default "unanimity") */
            rule?: number | string | boolean | number[];
            /** @description flat form, for smp, exchange (each chosen model that has it; an enum value only to the models whose choice it is): smp: seed of the model’s random elements (same seed, same result) (integer in [0, 2^53−1]; default 0) · exchange: seed of the model’s random elements (same seed, same result) (integer in [0, 2^53−1]; default 0) */
            seed?: number | string | boolean | number[];
            /** @description smp's parameters; each absent one takes its default (docs/parameters.md) */
            smp?: {
                /**
                 * @description smp: whose interpolation goes into the queues: the initiator’s (InitOnlyInterp), the initiator’s and the receiver’s (InitRcvrInterp), or their capability × salience weighted average (PWCompInterp) (InitOnlyInterp | InitRcvrInterp | PWCompInterp). Source: KTAB (github.com/KAPSARC/KTAB), Wise et al. (2015-2017), interpolateBrgn (specs/models.md §1.2 step 9).
                 * @default InitOnlyInterp
                 * @enum {string}
                 */
                BargnModel: "InitOnlyInterp" | "InitRcvrInterp" | "PWCompInterp";
                /**
                 * @description smp: how much of another actor’s risk attitude an actor perceives: Full, TwoThirds, Half, OneThird ((2R_h + R_i)/3) or No (Full | TwoThirds | Half | OneThird | No). Source: KTAB (github.com/KAPSARC/KTAB), Wise et al. (2015-2017), setAllAUtil (specs/models.md §1.2 step 6).
                 * @default OneThird
                 * @enum {string}
                 */
                BigRAdjust: "Full" | "TwoThirds" | "Half" | "OneThird" | "No";
                /**
                 * @description smp: the range of the risk attitudes inferred from the risk-neutral PCE: Min, Mid (R = (3p − p_max − 2p_min)/(2(p_max − p_min))) or Max (Min | Mid | Max). Source: KTAB (github.com/KAPSARC/KTAB), Wise et al. (2015-2017), setAllAUtil, bigRfromProb (specs/models.md §1.2 step 6).
                 * @default Mid
                 * @enum {string}
                 */
                BigRRange: "Min" | "Mid" | "Max";
                /**
                 * @description smp: how a bargain interpolates the two positions per dimension: S1P1 (weights s·P), S2P2 ((s·P)²) or S2PMax (only the weaker side moves) (S1P1 | S2P2 | S2PMax). Source: KTAB (github.com/KAPSARC/KTAB), Wise et al. (2015-2017), interpolateBrgn, interpBrgnSnPm, interpBrgnS2PMax (specs/models.md §1.2 step 9).
                 * @default S2P2
                 * @enum {string}
                 */
                InterVecBrgn: "S1P1" | "S2P2" | "S2PMax";
                /**
                 * @description smp: on one dimension with proportional votes, the O(N² log N) form of the coalition sums (the same result; false: the general O(N³) sums) (true | false). Source: parley (src/engines/smp/kernel.ts coalitionStrengthsOnLine).
                 * @default true
                 */
                lineShortcut: boolean;
                /**
                 * @description smp: the largest number of turns (the run stops earlier when the positions settle); `rounds` is accepted for it (integer in [1, 100000]). Source: KTAB (github.com/KAPSARC/KTAB), Wise et al. (2015-2017), smpStopFn, configExec (maxIter 100; specs/models.md §1.2 step 11).
                 * @default 100
                 */
                maxTurns: number;
                /**
                 * @description smp: turns always run before the stopping rule (relative change < 0.02) applies (integer in [1, 100000]). Source: KTAB (github.com/KAPSARC/KTAB), Wise et al. (2015-2017), smpStopFn (minIter 2; specs/models.md §1.2 step 11).
                 * @default 2
                 */
                minTurns: number;
                /**
                 * @description smp: the probabilistic Condorcet election: Conditional p_a ∝ Π_b P(a>b), or the fixed point of a Markov chain over the options (MarkovIncentive, MarkovUniform) (Conditional | MarkovIncentive | MarkovUniform). Source: KTAB (github.com/KAPSARC/KTAB), Wise et al. (2015-2017), condPCE, markovIncentivePCE, markovUniformPCE; Wise, “Markov Voting with Incentives in KTAB” (specs/models.md §1.2 step 5).
                 * @default Conditional
                 * @enum {string}
                 */
                PCEModel: "Conditional" | "MarkovIncentive" | "MarkovUniform";
                /**
                 * @description smp: seed of the model’s random elements (same seed, same result) (integer in [0, 2^53−1]). Source: the draws of StateTransitions Stochastic (src/engines/random.ts; a KTAB XML’s prngSeed modulo 2^53).
                 * @default 0
                 */
                seed: number;
                /**
                 * @description smp: each actor’s queue of bargains: the most probable one is adopted (Deterministic) or one is drawn by its probability (Stochastic, seeded) (Deterministic | Stochastic). Source: KTAB (github.com/KAPSARC/KTAB), Wise et al. (2015-2017), updateBestBrgnPositions (specs/models.md §1.2 step 10).
                 * @default Deterministic
                 * @enum {string}
                 */
                StateTransitions: "Deterministic" | "Stochastic";
                /**
                 * @description smp: what a third party joining a contest values: NoCommit, SemiCommit (π(2u_ni + u_nn) + (1−π)3u_nj) or FullCommit (NoCommit | SemiCommit | FullCommit). Source: KTAB (github.com/KAPSARC/KTAB), Wise et al. (2015-2017), probEduChlg, Actor::thirdPartyVoteSU (specs/models.md §1.2 step 7).
                 * @default SemiCommit
                 * @enum {string}
                 */
                ThirdPartyCommit: "NoCommit" | "SemiCommit" | "FullCommit";
                /**
                 * @description smp: worker threads for the challenge loop from 64 actors on (the result is the same whatever the count) (integer in [1, 256]). Source: parley (src/engines/smp/pool.ts).
                 * @default 1
                 */
                threads: number;
                /**
                 * @description smp: how coalition strengths become the probability of winning: Linear C_ab/(C_ab+C_ba); Square, Quartic, Octic the same with C², C⁴, C⁸; Binary the stronger wins (a ramp inside a 10% band) (Linear | Square | Quartic | Octic | Binary). Source: KTAB (github.com/KAPSARC/KTAB), Wise et al. (2015-2017), Model::vProb (specs/models.md §1.2 step 4).
                 * @default Linear
                 * @enum {string}
                 */
                VictoryProbModel: "Linear" | "Square" | "Quartic" | "Octic" | "Binary";
                /**
                 * @description smp: an actor’s vote for a over b from its utility difference Δu: Proportional wΔu; Binary all or nothing; PropBin, PropCbc mixtures; Cubic wΔu³; ASymProsp a loss counts fully, a gain by 2/3 (Binary | PropBin | Proportional | PropCbc | Cubic | ASymProsp). Source: KTAB (github.com/KAPSARC/KTAB), Wise et al. (2015-2017), Model::vote (specs/models.md §1.2 step 3).
                 * @default Proportional
                 * @enum {string}
                 */
                VotingRule: "Binary" | "PropBin" | "Proportional" | "PropCbc" | "Cubic" | "ASymProsp";
            };
            /** @description flat form, for smp (each chosen model that has it; an enum value only to the models whose choice it is): smp: each actor’s queue of bargains: the most probable one is adopted (Deterministic) or one is drawn by its probability (Stochastic, seeded) (Deterministic | Stochastic; default "Deterministic") */
            StateTransitions?: number | string | boolean | number[];
            /** @description flat form, for smp (each chosen model that has it; an enum value only to the models whose choice it is): smp: what a third party joining a contest values: NoCommit, SemiCommit (π(2u_ni + u_nn) + (1−π)3u_nj) or FullCommit (NoCommit | SemiCommit | FullCommit; default "SemiCommit") */
            ThirdPartyCommit?: number | string | boolean | number[];
            /** @description flat form, for smp (each chosen model that has it; an enum value only to the models whose choice it is): smp: worker threads for the challenge loop from 64 actors on (the result is the same whatever the count) (integer in [1, 256]; default 1) */
            threads?: number | string | boolean | number[];
            /** @description flat form, for exchange (each chosen model that has it; an enum value only to the models whose choice it is): exchange: two best exchanges with equal gains: a seeded coin as decide (random), the first or the second listed, or python: decide’s own coin, Python’s random.random() after random.seed(seed) (random | first | second | python; default "random") */
            tieBreak?: number | string | boolean | number[];
            /** @description flat form, for exchange (each chosen model that has it; an enum value only to the models whose choice it is): exchange: decide’s coin flips to replay at the first ties, in order (0: the first listed realized, 1: the runner-up; +2: swap which equal gain counts as listed first); later ties follow tieBreak (comma-separated integers 0–3; default []) */
            tieChoices?: number | string | boolean | number[];
            /** @description flat form, for nash (each chosen model that has it; an enum value only to the models whose choice it is): nash: the actors’ utilities: linear −s|x−xᵢ| or quadratic −s(x−xᵢ)² (linear | quadratic; default "linear") */
            utility?: number | string | boolean | number[];
            /** @description flat form, for bdm, exchange (each chosen model that has it; an enum value only to the models whose choice it is): bdm: paper: the paper’s specification; reference: the jmckib/dmasad replication code’s behaviour (ExampleActors.10r.log) (paper | reference; default "paper") · exchange: equal-gain: both sides gain the same; random: REX, a randomized division of the gain (see p) (equal-gain | random; default "equal-gain") */
            variant?: number | string | boolean | number[];
            /** @description flat form, for smp (each chosen model that has it; an enum value only to the models whose choice it is): smp: how coalition strengths become the probability of winning: Linear C_ab/(C_ab+C_ba); Square, Quartic, Octic the same with C², C⁴, C⁸; Binary the stronger wins (a ramp inside a 10% band) (Linear | Square | Quartic | Octic | Binary; default "Linear") */
            VictoryProbModel?: number | string | boolean | number[];
            /** @description flat form, for smp (each chosen model that has it; an enum value only to the models whose choice it is): smp: an actor’s vote for a over b from its utility difference Δu: Proportional wΔu; Binary all or nothing; PropBin, PropCbc mixtures; Cubic wΔu³; ASymProsp a loss counts fully, a gain by 2/3 (Binary | PropBin | Proportional | PropCbc | Cubic | ASymProsp; default "Proportional") */
            VotingRule?: number | string | boolean | number[];
        };
        NewUserRequest: {
            name: string;
            password?: string;
            /** @enum {string} */
            role: "viewer" | "analyst" | "admin";
        };
        Outlook: {
            agreement: {
                /** @description YYYY-MM-DD: the horizon */
                by: string;
                /** @description probability of an agreement by `by`, in [0, 1] */
                probability: number;
            };
            agreementBasis: components["schemas"]["AgreementBasis"];
            asOf: string | null;
            case: {
                id: string;
                title: string;
            };
            issues: {
                /** @description the terms if agreed mixed with the status quo by the agreement probability */
                expected: number;
                /** @description the median terms should an agreement come */
                ifAgreed: number;
                /** @description central 50 % predictive interval of the outcome by the date, agreement or not */
                interval50: [
                    number,
                    number
                ];
                /** @description central 90 % predictive interval */
                interval90: [
                    number,
                    number
                ];
                issue: string;
                /** @description predictive quantiles at the levels 0.025, 0.05, 0.1, …, 0.95, 0.975 (OUTLOOK_LEVELS) */
                quantiles: number[];
                /** @description the outcome if there is no agreement */
                statusQuo: number;
            }[];
            /** @description the default model, whose figures are at the top level */
            model: string;
            /** @description every model the same way, status-quo (the no-deal baseline) included */
            models: {
                agreement: {
                    /** @description YYYY-MM-DD: the horizon */
                    by: string;
                    /** @description probability of an agreement by `by`, in [0, 1] */
                    probability: number;
                };
                issues: {
                    /** @description the terms if agreed mixed with the status quo by the agreement probability */
                    expected: number;
                    /** @description the median terms should an agreement come */
                    ifAgreed: number;
                    /** @description central 50 % predictive interval of the outcome by the date, agreement or not */
                    interval50: [
                        number,
                        number
                    ];
                    /** @description central 90 % predictive interval */
                    interval90: [
                        number,
                        number
                    ];
                    issue: string;
                    /** @description predictive quantiles at the levels 0.025, 0.05, 0.1, …, 0.95, 0.975 (OUTLOOK_LEVELS) */
                    quantiles: number[];
                    /** @description the outcome if there is no agreement */
                    statusQuo: number;
                }[];
                model: string;
            }[];
            runs: number;
            scenario: string | null;
            seed: number;
        };
        OutlookRequest: {
            /**
             * Format: date
             * @description the case as it stood that day, and the day the clock starts (default: the case’s latest date)
             */
            asOf?: string;
            /**
             * Format: date
             * @description the horizon (YYYY-MM-DD): the probability of an agreement by then
             */
            by: string;
            /** @description model names (default: every one, status-quo included) */
            models?: string[];
            /**
             * @description Monte Carlo draws (default 2000, at most 20000)
             * @default 2000
             */
            runs: number;
            scenario?: string;
            /** @default 1 */
            seed: number;
        };
        Packages: {
            /** @description the actors whose gains are balanced */
            actors: string[];
            /** @description each package as a generated draft */
            drafts: {
                /** Format: date */
                date: string;
                description?: string;
                /** @default [] */
                evidence: string[];
                id: string;
                /** @default [] */
                points: {
                    number: number | string;
                    text: string;
                    uncertain?: boolean;
                    /**
                     * @description issue values the point implies: {issueId: value}
                     * @default {}
                     */
                    values: {
                        [key: string]: number;
                    };
                }[];
                revises?: string;
                sponsor?: string;
                title: string;
                uncertain?: boolean;
            }[];
            /** @description issues on which the binding red lines leave no common value */
            emptyIssues: string[];
            feasible: boolean;
            frontier: {
                gains: {
                    [key: string]: number;
                };
                values: {
                    [key: string]: number;
                };
            }[];
            packages: components["schemas"]["DealPackage"][];
        };
        Power: {
            actors: {
                actor: string;
                banzhaf: number;
                shapleyShubik: number;
            }[];
            /** @description the minimal coalitions whose refusal blocks a deal */
            blocking: string[][];
            /** @description who blocks each draft of the case (or the one asked for) */
            drafts: {
                /** @description whether the opponents can stop it under the decision rule */
                blocked: boolean;
                /** @description the issues whose rule the opponents can stop it on */
                blockedOn: string[];
                /** @description the minimal blocking coalitions among the opponents */
                coalitions: string[][];
                draft: string;
                objections: {
                    actor: string;
                    /** @description issues whose value is outside the actor’s red line */
                    crosses: string[];
                    worseThanStatusQuo: boolean;
                }[];
                /** @description the actors who would vote against: a red line crossed, or worse off than the status quo */
                opponents: string[];
                title: string;
            }[];
            issue: string | null;
            /** @enum {string} */
            method: "exact" | "sampled";
            /** @description who blocks each package of `parley packages` */
            packages: {
                /** @description whether the opponents can stop it under the decision rule */
                blocked: boolean;
                /** @description the issues whose rule the opponents can stop it on */
                blockedOn: string[];
                /** @description the minimal blocking coalitions among the opponents */
                coalitions: string[][];
                objections: {
                    actor: string;
                    /** @description issues whose value is outside the actor’s red line */
                    crosses: string[];
                    worseThanStatusQuo: boolean;
                }[];
                /** @description the actors who would vote against: a red line crossed, or worse off than the status quo */
                opponents: string[];
                /** @description maxmin, nash, ks, or nearest-DRAFT */
                package: string;
            }[];
            /** @description why the packages could not be computed, else null */
            packagesError: string | null;
            /** @enum {string} */
            rule: "unanimity" | "qualified-majority" | "single";
        };
        Ready: {
            /** @enum {string} */
            database: "sqlite" | "postgres";
            /** @description the newest of this version's schema migrations, applied (e.g. 0007_feeds) */
            migration: string;
            /** @enum {boolean} */
            ready: true;
            runsJobs: boolean;
        };
        RecordEntry: {
            /** Format: date */
            asOf: string | null;
            /** Format: date */
            by: string;
            case: {
                hash: string;
                id: string;
                issues: {
                    id: string;
                    max: number;
                    min: number;
                    title: string;
                    unit?: string;
                }[];
                revision: number | null;
                title: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** @enum {string} */
            format: "parley-record/1";
            outlook: {
                levels: number[];
                model: string;
                models: {
                    agreement: number;
                    issues: {
                        expected: number;
                        ifAgreed: number;
                        interval50: [
                            number,
                            number
                        ];
                        interval90: [
                            number,
                            number
                        ];
                        issue: string;
                        quantiles: number[];
                        statusQuo: number;
                    }[];
                    model: string;
                }[];
                runs: number;
                scenario: string | null;
                seed: number;
            };
            prevHash: string;
            question: {
                id: string;
                rule: string;
                text: string;
            };
            seq: number;
            version: string;
        };
        RecordList: {
            entries: components["schemas"]["StoredRecordEntry"][];
            resolutions: components["schemas"]["StoredResolution"][];
            verify: components["schemas"]["RecordVerify"];
        };
        RecordModelScore: {
            absError: number | null;
            baseline: boolean;
            brier: number;
            coverage50: number | null;
            coverage90: number | null;
            crps: number | null;
            entries: number;
            model: string;
            n: number;
        };
        RecordRequest: {
            /** Format: date */
            asOf?: string;
            /** Format: date */
            by: string;
            question: string;
            rule?: string;
            runs?: number;
            scenario?: string;
            seed?: number;
            text?: string;
        };
        RecordScores: {
            cases: {
                case: string;
                models: components["schemas"]["RecordModelScore"][];
                questions: number;
                title: string;
            }[];
            models: components["schemas"]["RecordModelScore"][];
            questions: {
                by: string;
                case: string;
                entries: number;
                question: string;
                resolved: boolean;
            }[];
        };
        RecordVerify: {
            count: number;
            /** @description hash of the last entry (when the chain is intact) */
            head?: string;
            index?: number;
            message?: string;
            ok: boolean;
            question?: string | null;
            /** @enum {string} */
            reason?: "content" | "link" | "sequence" | "malformed";
            seq?: number | null;
        };
        Replay: {
            engineVersion: string;
            identical: boolean;
            inputHashMatches: boolean;
            results: (components["schemas"]["ForecastResult"] | components["schemas"]["SimulationResult"] | components["schemas"]["SensitivityReport"] | components["schemas"]["ResearchReport"] | components["schemas"]["ScenarioComparison"] | components["schemas"]["Timeline"] | components["schemas"]["Packages"] | components["schemas"]["Power"] | components["schemas"]["Levers"])[];
        };
        ResearchReport: {
            asOf: string | null;
            case: {
                id: string;
                title: string;
            };
            items: {
                actor: string;
                cited: number;
                counted: number;
                factor: number;
                /** @enum {string} */
                field: "position" | "salience" | "capability";
                gap: number;
                grades: string[];
                high: number;
                issue: string | null;
                low: number;
                outlets: number | null;
                rank: number;
                reason: string;
                score: number;
                swingPercent: number;
                value: number;
            }[];
            models: string[];
            scenario: string | null;
        };
        Resolution: {
            agreement: 0 | 1;
            /** Format: date */
            date?: string;
            note?: string;
            outcome: {
                [key: string]: number;
            };
            /** Format: uri */
            source: string;
        };
        RestoreRequest: {
            revision: number;
        };
        Revision: {
            author: string;
            /** @description what changed from the revision before, a line per part */
            changes?: string[];
            createdAt: string;
            message: string;
            revision: number;
        };
        RevisionOnly: {
            revision: number;
        };
        Run: {
            caseId: string;
            caseRevision: number;
            createdAt: string;
            engineVersion: string;
            id: string;
            /** @description sha256 of the canonical JSON of what inputHashOf names */
            inputHash: string;
            /** @enum {string} */
            inputHashOf: "model-input" | "case-view";
            /**
             * @description forecast, simulate, or the analysis job kind whose result it is (sensitivity, research, scenarios, timeline, packages, power, levers)
             * @enum {string}
             */
            kind: "forecast" | "simulate" | "sensitivity" | "research" | "scenarios" | "timeline" | "packages" | "power" | "levers";
            models: string[];
            params: {
                [key: string]: unknown;
            };
            results: (components["schemas"]["ForecastResult"] | components["schemas"]["SimulationResult"] | components["schemas"]["SensitivityReport"] | components["schemas"]["ResearchReport"] | components["schemas"]["ScenarioComparison"] | components["schemas"]["Timeline"] | components["schemas"]["Packages"] | components["schemas"]["Power"] | components["schemas"]["Levers"])[];
            seed: number | null;
        };
        RunList: {
            items: components["schemas"]["RunSummary"][];
            limit: number;
            offset: number;
            total: number;
        };
        RunSummary: {
            caseId: string;
            caseRevision: number;
            createdAt: string;
            engineVersion: string;
            id: string;
            /** @description sha256 of the canonical JSON of what inputHashOf names */
            inputHash: string;
            /** @enum {string} */
            inputHashOf: "model-input" | "case-view";
            /**
             * @description forecast, simulate, or the analysis job kind whose result it is (sensitivity, research, scenarios, timeline, packages, power, levers)
             * @enum {string}
             */
            kind: "forecast" | "simulate" | "sensitivity" | "research" | "scenarios" | "timeline" | "packages" | "power" | "levers";
            models: string[];
            params: {
                [key: string]: unknown;
            };
            seed: number | null;
        };
        Scenario: {
            changes: {
                actor?: string;
                /** @enum {string} */
                field: "position" | "salience" | "capability" | "redLineMin" | "redLineMax" | "statusQuo";
                issue?: string;
                value: number;
            }[];
            description?: string;
            id: string;
            title: string;
        };
        ScenarioComparison: {
            asOf: string | null;
            case: {
                id: string;
                title: string;
            };
            issues: string[];
            models: string[];
            scenarios: {
                changes: {
                    actor?: string;
                    /** @enum {string} */
                    field: "position" | "salience" | "capability" | "redLineMin" | "redLineMax" | "statusQuo";
                    issue?: string;
                    value: number;
                }[];
                description: string | null;
                difference: {
                    [key: string]: number[];
                };
                largestShiftPercent: {
                    [key: string]: number;
                };
                outcome: {
                    [key: string]: number[];
                };
                scenario: string | null;
                title: string;
            }[];
        };
        ScenarioPage: {
            items: components["schemas"]["Scenario"][];
            limit: number;
            offset: number;
            total: number;
        };
        SealedEntry: {
            entry: components["schemas"]["RecordEntry"];
            hash: string;
        };
        SensitivityReport: {
            asOf: string | null;
            baseline: {
                [key: string]: number[];
            };
            case: {
                id: string;
                title: string;
            };
            entries: {
                actor: string;
                /** @enum {string} */
                field: "position" | "salience" | "capability";
                high: number;
                issue: string | null;
                low: number;
                outcomes: {
                    [key: string]: {
                        high: number[];
                        low: number[];
                    };
                };
                swings: {
                    [key: string]: {
                        issues: number[];
                        largestPercent: number;
                    };
                };
                value: number;
            }[];
            fixedEstimates: number;
            issues: string[];
            models: string[];
            scenario: string | null;
            tornado: {
                [key: string]: {
                    actor: string;
                    /** @enum {string} */
                    field: "position" | "salience" | "capability";
                    forecastIssue: string;
                    issue: string | null;
                    outcomeHigh: number;
                    outcomeLow: number;
                    swing: number;
                    swingPercent: number;
                }[];
            };
        };
        Session: {
            accountsRequired: boolean;
            csrfToken: string | null;
            user: components["schemas"]["User"];
        };
        SimulateRequest: {
            /** Format: date */
            asOf?: string;
            /** @enum {string} */
            distribution?: "triangular" | "uniform" | "beta";
            models?: string[];
            params?: components["schemas"]["ModelParams"];
            rounds?: number;
            /** @default 1000 */
            runs: number;
            scenario?: string;
            /** @default 1 */
            seed: number;
        };
        SimulationResult: {
            acceptance: {
                [key: string]: {
                    everyActor: number;
                    issues: {
                        [key: string]: number;
                    };
                    vetoHolders: number;
                };
            };
            asOf: string | null;
            case: {
                id: string;
                title: string;
            };
            /** @enum {string} */
            distribution: "triangular" | "uniform" | "beta";
            draftPoints: {
                draft: string;
                issue: string;
                model: string;
                point: string;
                quantileRank: number;
                value: number;
                withinInterval: boolean;
            }[];
            /** @description estimates simulated over a wider range from weak, retracted or single-sourced evidence (docs/evidence.md "Reliability") */
            effectiveRanges?: {
                actor: string;
                effectiveHigh: number;
                effectiveLow: number;
                factor: number;
                /** @enum {string} */
                field: "position" | "salience" | "capability";
                high: number;
                issue: string;
                low: number;
                reason: string;
                value: number;
            }[];
            issues: {
                id: string;
                scale: {
                    max: number;
                    min: number;
                };
                title: string;
            }[];
            models: string[];
            quantiles: {
                [key: string]: {
                    [key: string]: {
                        mean: number;
                        p05: number;
                        p25: number;
                        p50: number;
                        p75: number;
                        p95: number;
                    };
                };
            };
            randomEstimates: number;
            runs: number;
            scenario: string | null;
            seed: number;
        };
        Stance: {
            actor: string;
            /** @description a number, or {value, low, high} */
            capability?: number | {
                /** @description highest plausible value */
                high?: number;
                /** @description lowest plausible value */
                low?: number;
                /** @description best estimate */
                value: number;
            };
            /** Format: date */
            date?: string;
            /** @default [] */
            evidence: string[];
            issue: string;
            /** @description the actor's position on the issue's scale */
            position: number | {
                /** @description highest plausible value */
                high?: number;
                /** @description lowest plausible value */
                low?: number;
                /** @description best estimate */
                value: number;
            };
            rationale?: string;
            redLine?: {
                max?: number;
                /** @description uncertain red line: the range max may lie in ({low, high} around max) */
                maxRange?: {
                    high: number;
                    low: number;
                };
                min?: number;
                /** @description uncertain red line: the range min may lie in ({low, high} around min) */
                minRange?: {
                    high: number;
                    low: number;
                };
                note?: string;
                /**
                 * @description whether the actor can block a deal outside this range
                 * @default false
                 */
                veto: boolean;
            };
            /** @description how much the actor cares, 0 (indifferent) to 100 (top priority) */
            salience: number | {
                /** @description highest plausible value */
                high?: number;
                /** @description lowest plausible value */
                low?: number;
                /** @description best estimate */
                value: number;
            };
            /** @description rests on uncertain, single-sourced or disputed facts */
            uncertain?: boolean;
        };
        StancePage: {
            items: components["schemas"]["Stance"][];
            limit: number;
            offset: number;
            total: number;
        };
        StanceWrite: {
            created: boolean;
            item: components["schemas"]["Stance"];
            revision: number;
        };
        StoredRecordEntry: {
            /** @description the stored entry (a RecordEntry unless the record was tampered with: see verify) */
            entry?: unknown;
            hash: string;
            seq: number;
        };
        StoredResolution: {
            createdAt: string;
            hash: string;
            question: string;
            resolution: components["schemas"]["Resolution"];
        };
        Timeline: {
            case: {
                id: string;
                title: string;
            };
            issues: string[];
            models: string[];
            points: {
                changes: {
                    evidence: string[];
                    stances: {
                        actor: string;
                        issue: string;
                    }[];
                };
                date: string;
                outcome: {
                    [key: string]: number[];
                };
                packagesExist: boolean;
            }[];
            scenario: string | null;
        };
        User: {
            name: string;
            /** @enum {string} */
            role: "viewer" | "analyst" | "admin";
        } | null;
        UserList: {
            items: {
                createdAt: string;
                hasPassword: boolean;
                name: string;
                /** @enum {string} */
                role: "viewer" | "analyst" | "admin";
            }[];
        };
        WriteResult: {
            id: string;
            revision: number;
        };
        ZoneOfAgreement: {
            asOf: string | null;
            box: {
                [key: string]: {
                    max: number;
                    min: number;
                };
            } | null;
            case: {
                id: string;
                title: string;
            };
            drafts: {
                id: string;
                inside: boolean;
                /** @enum {string} */
                kind: "draft" | "forecast";
                outside: {
                    by: number;
                    issue: string;
                    point?: string;
                    value: number;
                }[];
                title: string;
            }[];
            forecasts: {
                id: string;
                inside: boolean;
                /** @enum {string} */
                kind: "draft" | "forecast";
                outside: {
                    by: number;
                    issue: string;
                    point?: string;
                    value: number;
                }[];
                title: string;
            }[];
            issues: {
                issue: string;
                redLines: {
                    actor: string;
                    issue: string;
                    max: number;
                    min: number;
                    note?: string;
                    veto: boolean;
                }[];
                scale: {
                    max: number;
                    min: number;
                };
                title: string;
                toOpen: {
                    at: number;
                    between: {
                        max: number;
                        min: number;
                    };
                    moves: {
                        actor: string;
                        /** @enum {string} */
                        bound: "min" | "max";
                        by: number;
                        from: number;
                        to: number;
                    }[];
                    totalMovement: number;
                } | null;
                vetoHolders: string[];
                zone: {
                    max: number;
                    min: number;
                } | null;
                zoneAllActors: {
                    max: number;
                    min: number;
                } | null;
            }[];
            packagesExist: boolean;
            scenario: string | null;
            totalMovement: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
