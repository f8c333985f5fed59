import type { ComponentType } from "react";
import type { MessageKey } from "../app/i18n/index.tsx";
import type { Me } from "./auth/session.ts";
import { HomePage } from "./home/HomePage.tsx";

/** A screen: its path pattern, its component (given the path's parameters). */
export interface RouteDefinition {
  path: string;
  component: ComponentType<{ params: Record<string, string> }>;
}

/** An entry of the main menu, shown to whom it concerns. */
export interface NavEntry {
  to: string;
  label: MessageKey;
  visible(me: Me): boolean;
}

// Each feature adds its screens and menu entries here.
export const routes: RouteDefinition[] = [{ path: "/", component: HomePage }];

export const navEntries: NavEntry[] = [{ to: "/", label: "nav.home", visible: () => true }];
