import type { RouteDefinition } from "../routes.ts";
import { QueuePage } from "./QueuePage.tsx";

export const queuePath = "/file-d-attente";

export const offlineQueueRoutes: RouteDefinition[] = [{ path: queuePath, component: QueuePage }];
