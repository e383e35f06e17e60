import express from 'express';
import { type TodoWebhookOptions, todoWebhook } from './handlers.js';

/** The todo app's HTTP server: FusionAuth posts its events to /fusionauth-webhook. */
export function createApp(options: TodoWebhookOptions) {
  const webhook = todoWebhook(options);
  const app = express();
  app.use('/fusionauth-webhook', webhook); // before any body parser: the receiver reads the raw body
  return { app, webhook };
}
