const SessionHandler = require("./session");

module.exports = (app, db) => {
    const sessionHandler = new SessionHandler(db);
    app.get("/", sessionHandler.displayWelcomePage);
    app.get("/login", sessionHandler.displayLoginPage);
    app.post("/login", sessionHandler.handleLoginRequest);
};
