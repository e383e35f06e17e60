// Type-check cost of @octokit/webhooks 14 for comparison: one typed handler behind Express.
import { createNodeMiddleware, Webhooks } from '@octokit/webhooks';
import express from 'express';

const webhooks = new Webhooks({ secret: process.env.GITHUB_WEBHOOK_SECRET ?? '' });
webhooks.on('issues.opened', ({ payload }) => {
  console.log('opened', payload.issue.number, payload.repository.full_name);
});

const app = express();
app.use(createNodeMiddleware(webhooks, { path: '/github-webhook' }));
app.listen(3000);
