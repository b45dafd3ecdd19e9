const express = require("express");
const helmet = require("helmet");
const session = require("express-session");
const { MongoClient } = require("mongodb");
const routes = require("./app/routes");

MongoClient.connect(process.env.MONGO_URL, (err, client) => {
    const app = express();
    app.use(helmet());
    app.use(express.urlencoded({ extended: false }));
    app.use(session({ secret: process.env.COOKIE_SECRET, resave: false, saveUninitialized: false }));
    routes(app, client.db());
    app.listen(4000);
});
