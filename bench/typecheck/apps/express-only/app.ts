// Type-check baseline: an Express app with a hand-written webhook route.
import express from 'express';

interface UserEvent {
  readonly event?: {
    readonly type?: string;
    readonly user?: { readonly id?: string; readonly email?: string };
  };
}

const app = express();
app.post('/fusionauth-webhook', express.json(), (req, res) => {
  if (req.headers.authorization !== process.env.FUSIONAUTH_WEBHOOK_AUTHORIZATION) {
    res.status(401).end();
    return;
  }
  const { event } = req.body as UserEvent;
  if (event?.type === 'user.delete') console.log('forget', event.user?.id);
  if (event?.type === 'user.registration.create' && event.user?.email?.endsWith('@blocked.example')) {
    res.status(422).json({ error: 'registration not allowed for this domain' });
    return;
  }
  res.sendStatus(200);
});
app.listen(3000);
