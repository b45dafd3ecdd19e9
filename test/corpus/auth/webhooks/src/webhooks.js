const express = require('express');
const stripe = require('stripe')(process.env.STRIPE_KEY);
const { queueBuild } = require('./builds');

const router = express.Router();

router.post('/stripe', express.raw({ type: 'application/json' }), (req, res) => {
  let event;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], process.env.STRIPE_WEBHOOK_SECRET);
  } catch (err) {
    return res.status(400).send(`Webhook Error: ${err.message}`);
  }
  res.json({ received: event.type });
});

router.post('/github', express.json(), (req, res) => { // expect: missing-auth
  if (req.body.ref === 'refs/heads/main') queueBuild(req.body.after);
  res.sendStatus(202);
});

module.exports = router;
