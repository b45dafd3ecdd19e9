const express = require('express');
const helmet = require('helmet');
const passport = require('passport');
const { ensureLoggedIn } = require('connect-ensure-login');
const adminRoutes = require('./routes/admin');

const app = express();
app.use(helmet());
app.use(passport.initialize());
app.use(passport.session());

app.get('/', (req, res) => res.render('home', { user: req.user }));
app.get('/login', (req, res) => res.render('login'));
app.post('/login/password', passport.authenticate('local', { failureRedirect: '/login' }), (req, res) => res.redirect('/'));
app.post('/logout', (req, res, next) => req.logout((err) => (err ? next(err) : res.redirect('/'))));
app.get('/profile', ensureLoggedIn(), (req, res) => res.render('profile', { user: req.user }));
app.post('/profile', ensureLoggedIn(), (req, res) => res.redirect('/profile'));
app.use('/admin', adminRoutes);

app.listen(3000);
