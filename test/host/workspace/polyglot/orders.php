<?php
function findOrder(PDO $pdo)
{
    $id = $_GET['id'];
    return $pdo->query("SELECT * FROM orders WHERE id = $id")->fetch();
}
