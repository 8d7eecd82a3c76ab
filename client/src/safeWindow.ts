/**
 * The extension's one {@link InertWindow}: client code shows notifications, quick picks, input
 * boxes, progress and status bar messages through it, never through `vscode.window` directly,
 * so text from documents and AWS cannot become links or icons (a test checks the sources).
 */
import * as vscode from 'vscode';
import { inertWindow } from './inertWindow';

export const safeWindow = inertWindow(vscode.window, vscode.ProgressLocation.Notification);
