import express from 'express';

const admin = express(); // expect: missing-helmet
admin.get('/stats', (req, res) => res.json({ users: 0 }));
admin.listen(4100);
