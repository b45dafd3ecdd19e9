"use strict";

const express = require("express");
const session = require("express-session");
// const helmet = require("helmet");
const MongoClient = require("mongodb").MongoClient;
const routes = require("./app/routes");
const { port, db, cookieSecret } = require("./config/config");

MongoClient.connect(db, (err, client) => {
    if (err) {
        process.exit(1);
    }
    const app = express(); // expect: missing-helmet

    // Fix for A5 - Security MisConfig
    // app.use(helmet.frameguard());
    // app.use(helmet.noSniff());
    app.disable("x-powered-by"); // expect: missing-helmet

    app.use(express.urlencoded({ extended: false }));
    app.use(session({ secret: cookieSecret, saveUninitialized: true, resave: true }));

    routes(app, client.db());

    app.listen(port, () => console.log(`Express http server listening on port ${port}`));
});
