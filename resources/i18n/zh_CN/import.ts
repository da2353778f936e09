<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LiveDesk</name>
    <message><source>Import files</source><translation>导入文件</translation></message>
    <message><source>Add files…</source><translation>添加文件…</translation></message>
    <message><source>Remove</source><translation>移除</translation></message>
    <message><source>Choose files to import.</source><translation>请选择要导入的文件。</translation></message>
    <message><source>Detect automatically</source><translation>自动识别</translation></message>
    <message><source>Map columns myself</source><translation>手动映射列</translation></message>
    <message><source>Replace the earlier import of the same file</source><translation>替换同一文件之前的导入</translation></message>
    <message><source>Skip files imported before</source><translation>跳过已导入的文件</translation></message>
    <message><source>Cancel import</source><translation>取消导入</translation></message>
    <message><source>Import</source><translation>导入</translation></message>
    <message><source>Close</source><translation>关闭</translation></message>
    <message><source>Detected</source><translation>识别结果</translation></message>
    <message><source>The file holds</source><translation>文件内容</translation></message>
    <message><source>Mapping preset</source><translation>映射预设</translation></message>
    <message><source>Same file again</source><translation>重复导入</translation></message>
    <message><source>Choose export files</source><translation>选择导出文件</translation></message>
    <message><source>Reading…</source><translation>读取中…</translation></message>
    <message><source>None</source><translation>无</translation></message>
    <message><source>First rows</source><translation>前几行预览</translation></message>
    <message><source>Not recognised: map the columns</source><translation>未识别：请映射列</translation></message>
    <message><source>Mapped table</source><translation>映射表格</translation></message>
    <message><source>Import cancelled: nothing of the file being read was stored.</source><translation>导入已取消：正在读取的文件没有保存任何内容。</translation></message>
    <message><source>sheet {name}</source><translation>工作表 {name}</translation></message>
    <message><source>{n} sheets</source><translation>{n} 个工作表</translation></message>
    <message><source>Finish the column mapping of {files} first.</source><translation>请先完成 {files} 的列映射。</translation></message>
    <message><source>Import failed: {reason}</source><translation>导入失败：{reason}</translation></message>
    <message><source>Order lines</source><translation>订单明细</translation></message>
    <message><source>Orders</source><translation>成交订单数</translation></message>
    <message><source>Products</source><translation>商品</translation></message>
    <message><source>Explanations</source><translation>商品讲解</translation></message>
    <message><source>Per-minute curve</source><translation>分钟曲线</translation></message>
    <message><source>Session summary</source><translation>场次概览</translation></message>
    <message><source>Traffic channels</source><translation>流量渠道</translation></message>
    <message><source>Live log</source><translation>直播日志</translation></message>
    <message><source>Compass workbook</source><translation>罗盘 整场数据</translation></message>
    <message><source>Live session workbook</source><translation>单场直播数据</translation></message>
    <message><source>Order id</source><translation>订单号</translation></message>
    <message><source>Sub-order id</source><translation>子订单号</translation></message>
    <message><source>Product id</source><translation>商品ID</translation></message>
    <message><source>Product name</source><translation>商品名称</translation></message>
    <message><source>SKU</source><translation>SKU</translation></message>
    <message><source>Quantity</source><translation>数量</translation></message>
    <message><source>Unit price</source><translation>单价</translation></message>
    <message><source>Amount paid</source><translation>实付金额</translation></message>
    <message><source>Created at</source><translation>下单时间</translation></message>
    <message><source>Paid at</source><translation>支付时间</translation></message>
    <message><source>Order status</source><translation>订单状态</translation></message>
    <message><source>After-sale status</source><translation>售后状态</translation></message>
    <message><source>Buyer id</source><translation>买家ID</translation></message>
    <message><source>Traffic source</source><translation>流量来源</translation></message>
    <message><source>Creator id</source><translation>达人ID</translation></message>
    <message><source>Price</source><translation>价格</translation></message>
    <message><source>GMV</source><translation>成交金额</translation></message>
    <message><source>Units sold</source><translation>成交件数</translation></message>
    <message><source>Exposure-to-click rate</source><translation>商品曝光-点击率</translation></message>
    <message><source>Click-to-buy rate</source><translation>商品点击-成交率</translation></message>
    <message><source>GMV per 1,000 exposures</source><translation>千次曝光成交金额</translation></message>
    <message><source>Refund orders</source><translation>退款订单数</translation></message>
    <message><source>First listed at</source><translation>首次上架时间</translation></message>
    <message><source>End</source><translation>结束</translation></message>
    <message><source>Change in viewers</source><translation>起止人数变化</translation></message>
    <message><source>Minute</source><translation>分钟</translation></message>
    <message><source>Online viewers</source><translation>在线人数</translation></message>
    <message><source>Entries</source><translation>进入人数</translation></message>
    <message><source>Exits</source><translation>离开人数</translation></message>
    <message><source>Comments</source><translation>评论次数</translation></message>
    <message><source>Likes</source><translation>点赞次数</translation></message>
    <message><source>not an amount of money</source><translation>不是金额</translation></message>
    <message><source>not a whole number</source><translation>不是整数</translation></message>
    <message><source>not a number</source><translation>不是数字</translation></message>
    <message><source>not a rate</source><translation>不是比率</translation></message>
    <message><source>not a duration</source><translation>不是时长</translation></message>
    <message><source>not a time</source><translation>不是时间</translation></message>
    <message><source>a formula instead of a value</source><translation>单元格是公式而不是数值</translation></message>
    <message><source>no order id</source><translation>缺少订单号</translation></message>
    <message><source>no time</source><translation>缺少时间</translation></message>
    <message><source>no amount</source><translation>缺少金额</translation></message>
    <message><source>no product</source><translation>缺少商品</translation></message>
    <message><source>no channel</source><translation>缺少渠道</translation></message>
    <message><source>no start time</source><translation>缺少开始时间</translation></message>
    <message><source>no minute</source><translation>缺少分钟</translation></message>
    <message><source>wrong number of cells</source><translation>单元格数量与表头不符</translation></message>
    <message><source>unknown event kind</source><translation>未知事件类型</translation></message>
    <message><source>unknown script step</source><translation>未知话术步骤</translation></message>
    <message><source>unknown marker</source><translation>未知标记</translation></message>
    <message><source>unreadable value</source><translation>无法读取的值</translation></message>
    <message><source>automatic (e.g. %d/%m/%Y %H:%M)</source><translation>自动（例如 %d/%m/%Y %H:%M）</translation></message>
    <message><source>e.g. C for cancelled invoices</source><translation>例如以 C 开头表示取消的发票</translation></message>
    <message><source>Preset name</source><translation>预设名称</translation></message>
    <message><source>Save preset</source><translation>保存预设</translation></message>
    <message><source>Time format</source><translation>时间格式</translation></message>
    <message><source>Cancellation prefix</source><translation>取消标记前缀</translation></message>
    <message><source>Preset saved.</source><translation>预设已保存。</translation></message>
    <message><source>Give the preset a name.</source><translation>请为预设命名。</translation></message>
    <message><source>The mapping is incomplete: {reason}</source><translation>映射不完整：{reason}</translation></message>
    <message><source>check passed</source><translation>核对通过</translation></message>
    <message><source>check shows a gap</source><translation>核对有差额</translation></message>
    <message><source>already imported; skipped</source><translation>已导入过，已跳过</translation></message>
    <message><source>{file}: refused — {reason}</source><translation>{file}：无法导入 — {reason}</translation></message>
    <message><source>{kind}: {read} rows read, {stored} stored, {skipped} skipped</source><translation>{kind}：读取 {read} 行，保存 {stored} 行，跳过 {skipped} 行</translation></message>
    <message><source>{count} rows skipped: {reason}</source><translation>跳过 {count} 行：{reason}</translation></message>
    <message><source>row {row}: {reason}</source><translation>第 {row} 行：{reason}</translation></message>
    <message><source>… and {n} more warnings</source><translation>… 另有 {n} 条警告</translation></message>
    <message><source>{rows} order lines were already in {file}; this file's copy counts.</source><translation>{rows} 行订单已在 {file} 中出现过；以本文件的记录为准。</translation></message>
    <message><source>This file covers {file_from} – {file_to}, not within a day of the session ({session_from} – {session_to}): imported, but check that it belongs to this session.</source><translation>本文件的时间为 {file_from} – {file_to}，与本场（{session_from} – {session_to}）相差超过一天：已导入，请确认它属于本场。</translation></message>
</context>
</TS>
