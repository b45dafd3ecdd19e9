class OrdersController < ApplicationController
  def index
    @orders = Order.where("status = '#{params[:status]}'")
  end
end
