const express = require('express');
const helmet = require('helmet');
const session = require('express-session');
const notes = require('./controllers/notes');

const app = express();
app.use(helmet());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.get('/notes', notes.list);
app.post('/notes', notes.create);
app.put('/notes/:id', notes.update); // expect: missing-auth
app.delete('/notes/:id', notes.remove);
app.listen(3000);
