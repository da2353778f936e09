<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LiveDesk</name>
    <message><source>LiveDesk</source><translation>LiveDesk 直播台</translation></message>
    <message><source>Sessions</source><translation>场次</translation></message>
    <message><source>New session…</source><translation>新建场次…</translation></message>
    <message><source>(sample)</source><translation>（示例）</translation></message>
    <message><source>New session</source><translation>新建场次</translation></message>
    <message><source>e.g. Double 12 warm-up</source><translation>例如：双12预热专场</translation></message>
    <message><source>min</source><translation>分钟</translation></message>
    <message><source>Douyin</source><translation>抖音</translation></message>
    <message><source>Kuaishou</source><translation>快手</translation></message>
    <message><source>WeChat Channels</source><translation>视频号</translation></message>
    <message><source>Taobao</source><translation>淘宝</translation></message>
    <message><source>Other</source><translation>其他</translation></message>
    <message><source>Title</source><translation>标题</translation></message>
    <message><source>Start</source><translation>开始时间</translation></message>
    <message><source>Planned length</source><translation>计划时长</translation></message>
    <message><source>Platform</source><translation>平台</translation></message>
    <message><source>Account</source><translation>账号</translation></message>
    <message><source>A title is needed</source><translation>请填写标题</translation></message>
    <message><source>Plan</source><translation>计划</translation></message>
    <message><source>Rehearse / Live</source><translation>彩排/直播</translation></message>
    <message><source>Review</source><translation>复盘</translation></message>
    <message><source>Store: {url}</source><translation>数据库：{url}</translation></message>
    <message><source>Opening…</source><translation>正在打开…</translation></message>
    <message><source>Working…</source><translation>处理中…</translation></message>
    <message><source>&amp;File</source><translation>文件(&amp;F)</translation></message>
    <message><source>&amp;New session…</source><translation>新建场次(&amp;N)…</translation></message>
    <message><source>&amp;Refresh</source><translation>刷新(&amp;R)</translation></message>
    <message><source>&amp;Quit</source><translation>退出(&amp;Q)</translation></message>
    <message><source>&amp;View</source><translation>视图(&amp;V)</translation></message>
    <message><source>Full screen</source><translation>全屏</translation></message>
    <message><source>&amp;Language</source><translation>语言(&amp;L)</translation></message>
    <message><source>&amp;Help</source><translation>帮助(&amp;H)</translation></message>
    <message><source>&amp;About LiveDesk</source><translation>关于 LiveDesk(&amp;A)</translation></message>
    <message><source>Session #{id}</source><translation>场次 #{id}</translation></message>
    <message><source>No session selected</source><translation>未选择场次</translation></message>
    <message><source>Language</source><translation>语言</translation></message>
    <message><source>#{id} · {platform} · {account} · {minutes} min</source><translation>#{id} · {platform} · {account} · {minutes} 分钟</translation></message>
    <message><source>About LiveDesk</source><translation>关于 LiveDesk</translation></message>
    <message><source>LiveDesk {version}: plan, rehearse, run and review live-stream sessions.</source><translation>LiveDesk {version}：直播的策划、彩排、执行与复盘。</translation></message>
    <message><source>Segment</source><translation>环节</translation></message>
    <message><source>Product</source><translation>商品</translation></message>
    <message><source>Minutes</source><translation>分钟</translation></message>
    <message><source>Imported data</source><translation>已导入数据</translation></message>
</context>
</TS>
