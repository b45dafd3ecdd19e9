const SessionHandler = require("./session");
const ProfileHandler = require("./profile");
const ContributionsHandler = require("./contributions");
const AllocationsHandler = require("./allocations");
const MemosHandler = require("./memos");
const ErrorHandler = require("./error").errorHandler;

module.exports = (app, db) => {
    const sessionHandler = new SessionHandler(db);
    const profileHandler = new ProfileHandler(db);
    const contributionsHandler = new ContributionsHandler(db);
    const allocationsHandler = new AllocationsHandler(db);
    const memosHandler = new MemosHandler(db);

    const isLoggedIn = sessionHandler.isLoggedInMiddleware;
    const isAdmin = sessionHandler.isAdminUserMiddleware;

    app.get("/", sessionHandler.displayWelcomePage);
    app.get("/login", sessionHandler.displayLoginPage);
    app.post("/login", sessionHandler.handleLoginRequest);
    app.get("/signup", sessionHandler.displaySignupPage);
    app.post("/signup", sessionHandler.handleSignup);
    app.get("/logout", sessionHandler.displayLogoutPage);

    app.get("/dashboard", isLoggedIn, sessionHandler.displayWelcomePage);
    app.get("/profile", isLoggedIn, profileHandler.displayProfile);
    app.post("/profile", isLoggedIn, profileHandler.handleProfileUpdate);
    app.get("/contributions", isLoggedIn, contributionsHandler.displayContributions);
    app.post("/contributions", isLoggedIn, contributionsHandler.handleContributionsUpdate);
    app.get("/benefits", isLoggedIn, isAdmin, profileHandler.displayBenefits);

    app.get("/allocations/:userId", allocationsHandler.displayAllocations); // expect: missing-auth
    app.get("/memos", isLoggedIn, memosHandler.displayMemos);
    app.post("/memos", memosHandler.addMemos); // expect: missing-auth

    app.get("/tutorial/:page", (req, res) => res.render(`tutorial/${req.params.page}`));
    app.use(ErrorHandler);
};
