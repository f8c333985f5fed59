import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import "./app/styles.css";
import { registerServiceWorker } from "./offline/register-service-worker.ts";

// The app shell (never person data) is kept by the service worker: the app opens with no network.
registerServiceWorker();

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
