import java.sql.ResultSet;
import java.sql.Statement;

class OrderRepository {
  ResultSet byStatus(Statement stmt, String status) throws Exception {
    return stmt.executeQuery("SELECT * FROM orders WHERE status = '" + status + "'");
  }
}
